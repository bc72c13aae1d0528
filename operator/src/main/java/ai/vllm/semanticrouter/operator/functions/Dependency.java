package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A kind of cluster object an environment function reads, declared next to the code that reads it,
 * and which objects of that kind each CR reads: the watches, the triggers and their index follow
 * from these declarations, so the rules cannot drift from the reading code.
 *
 * @param apiVersion the object's apiVersion
 * @param kind       the object's kind
 * @param reads      the objects of that kind a CR reads: a change of one can change what the function computes for it
 */
public record Dependency(String apiVersion, String kind, Reads reads) {

    /** The objects of the dependency's kind that {@code cr} reads. */
    @FunctionalInterface
    public interface Reads {
        List<Target> of(JsonNode cr);
    }

    /**
     * One object, or every object of a namespace, that a CR reads.
     *
     * @param namespace the object's namespace, "" for a cluster-scoped kind
     * @param name      the object's name, or null for every object of the namespace
     */
    public record Target(String namespace, String name) {
        public static Target named(String namespace, String name) {
            return new Target(namespace, name);
        }

        public static Target anyIn(String namespace) {
            return new Target(namespace, null);
        }

        /** The targets that read {@code object}: itself, and every object of its namespace. */
        public static List<Target> of(JsonNode object) {
            String namespace = object.path("metadata").path("namespace").asText("");
            return List.of(named(namespace, object.path("metadata").path("name").asText()), anyIn(namespace));
        }
    }

    /** Whether this dependency is on objects of that apiVersion and kind. */
    public boolean on(String objectApiVersion, String objectKind) {
        return apiVersion.equals(objectApiVersion) && kind.equals(objectKind);
    }

    /** Whether a change of {@code object} concerns {@code cr}. */
    public boolean concerns(JsonNode cr, JsonNode object) {
        List<Target> objectTargets = Target.of(object);
        return reads.of(cr).stream().anyMatch(objectTargets::contains);
    }
}
