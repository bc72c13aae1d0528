package ai.vllm.semanticrouter.operator.controller;

import com.fasterxml.jackson.databind.JsonNode;

/** The work-queue key of one SemanticRouter: its namespace and name ("namespace/name" in logs). */
public record RouterKey(String namespace, String name) {

    /** The key of a CR (or of any object: its namespace and name). */
    public static RouterKey of(JsonNode object) {
        return new RouterKey(object.path("metadata").path("namespace").asText(), object.path("metadata").path("name").asText());
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
