package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A kind of cluster object an environment function reads, declared next to the code that reads it,
 * and which CRs a change of one such object concerns: the watches and the triggers follow from
 * these declarations, so the rules cannot drift from the reading code.
 *
 * @param apiVersion the object's apiVersion
 * @param kind       the object's kind
 * @param concerns   whether a change of {@code object} can change what the function computes for {@code cr}
 */
public record Dependency(String apiVersion, String kind, Concerns concerns) {

    /** Whether a change of {@code object} concerns {@code cr}. */
    @FunctionalInterface
    public interface Concerns {
        boolean test(JsonNode cr, JsonNode object);
    }

    /** Whether this dependency is on objects of that apiVersion and kind. */
    public boolean on(String objectApiVersion, String objectKind) {
        return apiVersion.equals(objectApiVersion) && kind.equals(objectKind);
    }
}
