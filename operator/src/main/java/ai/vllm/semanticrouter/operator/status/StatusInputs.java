package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.Environment;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Everything status is computed from: the CR, the environment the functions computed, the live
 * Deployment and Route (null when absent), whether a Route was rendered, the reconcile's problems,
 * the status writes of the compositions (ToCompositeFieldPath, may be empty) and the readiness of
 * every rendered object by its composition's checks.
 */
public record StatusInputs(JsonNode cr, Environment environment, JsonNode deployment, JsonNode route,
                           boolean routeRendered, List<Problem> problems, JsonNode compositionStatus,
                           List<ResourceReadiness> resources) {

    public StatusInputs {
        problems = List.copyOf(problems);
        resources = List.copyOf(resources);
    }
}
