package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Optional;

/** Decides whether an observed object is ready (Crossplane's readiness checks, plus CEL). */
public sealed interface ReadinessCheck {

    boolean test(JsonNode observed);

    /** {@code status.conditions[type=T].status == S}. */
    record MatchCondition(String type, String status) implements ReadinessCheck {
        @Override
        public boolean test(JsonNode observed) {
            for (JsonNode condition : observed.path("status").path("conditions")) {
                if (type.equals(condition.path("type").asText()) && status.equals(condition.path("status").asText())) {
                    return true;
                }
            }
            return false;
        }
    }

    record MatchString(FieldPath path, String value) implements ReadinessCheck {
        @Override
        public boolean test(JsonNode observed) {
            return path.read(observed).map(JsonNode::asText).filter(value::equals).isPresent();
        }
    }

    record MatchInteger(FieldPath path, long value) implements ReadinessCheck {
        @Override
        public boolean test(JsonNode observed) {
            Optional<JsonNode> actual = path.read(observed);
            return actual.isPresent() && actual.get().canConvertToLong() && actual.get().asLong() == value;
        }
    }

    record NonEmpty(FieldPath path) implements ReadinessCheck {
        @Override
        public boolean test(JsonNode observed) {
            return path.read(observed).filter(v -> !(v.isContainerNode() && v.isEmpty()) && !v.asText().isEmpty()
                    || v.isContainerNode() && !v.isEmpty()).isPresent();
        }
    }

    /** Ready as soon as the object exists. */
    record None() implements ReadinessCheck {
        @Override
        public boolean test(JsonNode observed) {
            return true;
        }
    }

    /** A CEL expression over {@code observed}. */
    record Cel(CelExpression expression) implements ReadinessCheck {
        @Override
        public boolean test(JsonNode observed) {
            return expression.test(Map.of("observed", observed));
        }
    }
}
