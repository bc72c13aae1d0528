package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.Set;

/** Multiply, ClampMin or ClampMax on a number; integers stay integers when the result is whole. */
public record MathTransform(Operation operation, BigDecimal operand) implements Transform {

    public enum Operation { MULTIPLY, CLAMP_MIN, CLAMP_MAX }

    @Override
    public JsonNode apply(JsonNode input) {
        if (!input.isNumber()) {
            throw new TransformException("math transform needs a number, got '" + input.asText() + "'");
        }
        BigDecimal value = input.decimalValue();
        BigDecimal result = switch (operation) {
            case MULTIPLY -> value.multiply(operand);
            case CLAMP_MIN -> value.max(operand);
            case CLAMP_MAX -> value.min(operand);
        };
        return number(result, input.isIntegralNumber());
    }

    static JsonNode number(BigDecimal value, boolean preferInteger) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (preferInteger && stripped.scale() <= 0) {
            return JsonNodeFactory.instance.numberNode(stripped.longValueExact());
        }
        return JsonNodeFactory.instance.numberNode(value.doubleValue());
    }

    @Override
    public ValueKind output() {
        return ValueKind.NUMBER;
    }

    @Override
    public Set<ValueKind> accepts() {
        return Set.of(ValueKind.NUMBER);
    }
}
