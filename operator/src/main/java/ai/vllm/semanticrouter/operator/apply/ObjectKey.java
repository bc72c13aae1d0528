package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;

/** Identifies one object: kind at an apiVersion, namespace ("" when cluster-scoped) and name. */
public record ObjectKey(String apiVersion, String kind, String namespace, String name) {

    public static ObjectKey of(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return new ObjectKey(object.path("apiVersion").asText(), object.path("kind").asText(),
                metadata.path("namespace").asText(""), metadata.path("name").asText());
    }

    public Kind type() {
        return new Kind(apiVersion, kind);
    }

    /** "Deployment ns/name", as in events and logs. */
    @Override
    public String toString() {
        return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
    }
}
