package ai.vllm.semanticrouter.engine.load;

import com.fasterxml.jackson.databind.JsonNode;

/** A problem in a composition file, attached to the YAML node it is about (for file:line:column). */
public final class CompositionException extends RuntimeException {
    private final transient JsonNode node;

    public CompositionException(JsonNode node, String message) {
        super(message);
        this.node = node;
    }

    public JsonNode node() {
        return node;
    }
}
