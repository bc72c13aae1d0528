package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.engine.Readiness;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One managed object's readiness, decided by its composition's {@code readinessChecks} on the object
 * as the API server returned it after this reconcile's apply (so a composition a user adds brings
 * its readiness with it, no Java).
 *
 * @param resourceName the template's name
 * @param object       "Kind namespace/name", as in events and logs
 * @param readiness    READY, NOT_READY, or UNKNOWN when there is no live object
 */
public record ResourceReadiness(String resourceName, String object, Readiness readiness) {

    public boolean ready() {
        return readiness == Readiness.READY;
    }

    /** The objects that are not ready, for a condition's message. */
    static String describe(List<ResourceReadiness> notReady) {
        return notReady.stream()
                .map(r -> r.object() + " (" + r.resourceName() + ") " + (r.readiness() == Readiness.UNKNOWN
                        ? "not found" : "not ready"))
                .collect(Collectors.joining(", "));
    }
}
