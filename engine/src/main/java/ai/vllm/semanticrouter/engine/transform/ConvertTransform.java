package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.Set;

/** Converts between string, int64, float64, bool, object and array; formats {@code quantity} and {@code json}. */
public record ConvertTransform(ValueType toType, Format format) implements Transform {

    public enum ValueType { STRING, INT64, FLOAT64, BOOL, OBJECT, ARRAY }

    public enum Format { NONE, QUANTITY, JSON }

    @Override
    public JsonNode apply(JsonNode input) {
        return switch (toType) {
            case STRING -> toText(input);
            case INT64 -> JsonNodeFactory.instance.numberNode(number(input).longValue());
            case FLOAT64 -> JsonNodeFactory.instance.numberNode(number(input).doubleValue());
            case BOOL -> bool(input);
            case OBJECT, ARRAY -> structured(input);
        };
    }

    private JsonNode toText(JsonNode input) {
        if (format == Format.QUANTITY) {
            return TextNode.valueOf(Quantity.parse(input.asText()).text());
        }
        return TextNode.valueOf(input.isValueNode() ? input.asText() : Json.canonical(input));
    }

    private BigDecimal number(JsonNode input) {
        if (input.isNumber()) {
            return input.decimalValue();
        }
        if (format == Format.QUANTITY) {
            return Quantity.parse(input.asText()).value();
        }
        try {
            return new BigDecimal(input.asText().trim());
        } catch (NumberFormatException e) {
            throw new TransformException("cannot convert '" + input.asText() + "' to " + toType.name().toLowerCase());
        }
    }

    private static JsonNode bool(JsonNode input) {
        if (input.isBoolean()) {
            return input;
        }
        return switch (input.asText()) {
            case "true", "True", "TRUE", "1" -> BooleanNode.TRUE;
            case "false", "False", "FALSE", "0" -> BooleanNode.FALSE;
            default -> throw new TransformException("cannot convert '" + input.asText() + "' to bool");
        };
    }

    private JsonNode structured(JsonNode input) {
        JsonNode value = input.isTextual() ? Json.parse(input.asText()) : input;
        boolean fits = toType == ValueType.OBJECT ? value.isObject() : value.isArray();
        if (!fits) {
            throw new TransformException("cannot convert " + ValueKind.of(input).name().toLowerCase() + " to "
                    + toType.name().toLowerCase());
        }
        return value;
    }

    @Override
    public ValueKind output() {
        return switch (toType) {
            case STRING -> ValueKind.STRING;
            case INT64, FLOAT64 -> ValueKind.NUMBER;
            case BOOL -> ValueKind.BOOLEAN;
            case OBJECT -> ValueKind.OBJECT;
            case ARRAY -> ValueKind.ARRAY;
        };
    }

    @Override
    public Set<ValueKind> accepts() {
        return switch (toType) {
            case STRING -> ValueKind.EVERY;
            case INT64, FLOAT64, BOOL -> Set.of(ValueKind.STRING, ValueKind.NUMBER, ValueKind.BOOLEAN, ValueKind.ANY);
            case OBJECT, ARRAY -> Set.of(ValueKind.STRING, ValueKind.OBJECT, ValueKind.ARRAY);
        };
    }
}
