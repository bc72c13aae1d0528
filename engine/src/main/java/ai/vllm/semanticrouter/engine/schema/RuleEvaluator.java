package ai.vllm.semanticrouter.engine.schema;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates {@code x-kubernetes-validations} rules with {@code self} bound to the value. Rules that use
 * {@code oldSelf} (transition rules) or Kubernetes-only functions that standard CEL lacks are skipped:
 * the API server remains the final judge for those.
 */
final class RuleEvaluator {
    private static final Map<String, CelExpression> COMPILED = new ConcurrentHashMap<>();
    private static final CelExpression UNSUPPORTED = CelExpression.compile("true");
    private final List<SchemaViolation> violations;

    RuleEvaluator(List<SchemaViolation> violations) {
        this.violations = violations;
    }

    void check(JsonNode value, JsonNode schema, String path) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            String text = rule.path("rule").asText();
            CelExpression expression = COMPILED.computeIfAbsent(text, RuleEvaluator::compile);
            if (expression == UNSUPPORTED) {
                continue;
            }
            boolean holds;
            try {
                holds = expression.test(Map.of("self", value));
            } catch (IllegalStateException e) {
                continue;
            }
            if (!holds) {
                String field = rule.path("fieldPath").asText("");
                String message = rule.has("message") ? rule.get("message").asText() : "failed rule: " + text;
                violations.add(new SchemaViolation(path + field, message));
            }
        }
    }

    private static CelExpression compile(String rule) {
        if (rule.contains("oldSelf")) {
            return UNSUPPORTED;
        }
        try {
            return CelExpression.compile(rule);
        } catch (CelExpression.CelCompileException e) {
            return UNSUPPORTED;
        }
    }
}
