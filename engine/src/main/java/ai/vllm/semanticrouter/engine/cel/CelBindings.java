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
    private final Map<CelExpression, Boolean> outcomes = new IdentityHashMap<>();
    private JsonNode outcomesComposite;
    private JsonNode outcomesEnvironment;

    /** The CEL value of {@code node}, converted on first use. */
    Object valueOf(JsonNode node) {
        return converted.computeIfAbsent(node, CelValues::of);
    }

    /** Binds the two variables of conditions. */
    public Map<String, Object> conditionVariables(JsonNode composite, JsonNode environment) {
        return Map.of("composite", valueOf(composite), "environment", valueOf(environment));
    }

    /**
     * Whether the condition holds for these composite and environment trees. A render reads the same
     * two trees throughout and never changes them, so each condition is evaluated once per render
     * however many patches share its text (the product's 55 conditions hold 30 texts). An evaluation
     * error is not remembered: each patch reports it.
     *
     * @throws IllegalStateException when the condition fails or gives no bool
     */
    public boolean holds(CelExpression condition, JsonNode composite, JsonNode environment) {
        if (composite != outcomesComposite || environment != outcomesEnvironment) {
            outcomes.clear();
            outcomesComposite = composite;
            outcomesEnvironment = environment;
        }
        Boolean known = outcomes.get(condition);
        if (known != null) {
            return known;
        }
        Boolean direct = condition.testDirectly(name -> "composite".equals(name) ? composite
                : "environment".equals(name) ? environment : null);
        boolean holds = direct != null ? direct : condition.testBound(conditionVariables(composite, environment));
        outcomes.put(condition, holds);
        return holds;
    }
}
