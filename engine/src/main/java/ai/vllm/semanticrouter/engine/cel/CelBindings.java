package ai.vllm.semanticrouter.engine.cel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Variables for CEL evaluation within one render: each JSON tree is converted to CEL values once,
 * however many conditions read it. Not thread-safe; one per render.
 */
public final class CelBindings {
    private final Map<JsonNode, Object> converted = new IdentityHashMap<>();

    /** The CEL value of {@code node}, converted on first use. */
    Object valueOf(JsonNode node) {
        return converted.computeIfAbsent(node, CelValues::of);
    }

    /** Binds the two variables of conditions. */
    public Map<String, Object> conditionVariables(JsonNode composite, JsonNode environment) {
        return Map.of("composite", valueOf(composite), "environment", valueOf(environment));
    }
}
