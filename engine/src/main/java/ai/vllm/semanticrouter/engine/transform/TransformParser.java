package ai.vllm.semanticrouter.engine.transform;

import ai.vllm.semanticrouter.engine.load.CompositionException;
import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads a {@code transforms:} entry of a composition file into a {@link Transform}. */
public final class TransformParser {
    private TransformParser() {
    }

    public static Transform parse(JsonNode node) {
        String type = text(node, "type");
        return switch (type) {
            case "map" -> map(required(node, "map"));
            case "match" -> match(required(node, "match"));
            case "math" -> math(required(node, "math"));
            case "string" -> string(required(node, "string"));
            case "convert" -> convert(required(node, "convert"));
            default -> throw new CompositionException(node.get("type"), "unknown transform type '" + type
                    + "' (one of map, match, math, string, convert)");
        };
    }

    private static Transform map(JsonNode map) {
        if (!map.isObject()) {
            throw new CompositionException(map, "map transform needs a mapping of input to output");
        }
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> entries.put(e.getKey(), e.getValue()));
        return new MapTransform(entries);
    }

    private static Transform match(JsonNode match) {
        List<MatchTransform.MatchPattern> patterns = new ArrayList<>();
        for (JsonNode pattern : match.path("patterns")) {
            String type = pattern.path("type").asText("literal");
            JsonNode result = required(pattern, "result");
            switch (type) {
                case "literal" -> patterns.add(new MatchTransform.MatchPattern(text(pattern, "literal"), null, result));
                case "regexp" -> patterns.add(new MatchTransform.MatchPattern(null, regexp(pattern.get("regexp"),
                        text(pattern, "regexp")), result));
                default -> throw new CompositionException(pattern.get("type"), "unknown match pattern type '" + type
                        + "' (literal or regexp)");
            }
        }
        String fallbackTo = match.path("fallbackTo").asText("Value");
        if (!fallbackTo.equals("Value") && !fallbackTo.equals("Input")) {
            throw new CompositionException(match.get("fallbackTo"), "fallbackTo must be Value or Input");
        }
        return new MatchTransform(patterns, match.get("fallbackValue"), fallbackTo.equals("Input"));
    }

    private static Transform math(JsonNode math) {
        String type = text(math, "type");
        MathTransform.Operation operation = switch (type) {
            case "Multiply" -> MathTransform.Operation.MULTIPLY;
            case "ClampMin" -> MathTransform.Operation.CLAMP_MIN;
            case "ClampMax" -> MathTransform.Operation.CLAMP_MAX;
            default -> throw new CompositionException(math.get("type"), "unknown math type '" + type
                    + "' (Multiply, ClampMin or ClampMax)");
        };
        String field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
        JsonNode operand = required(math, field);
        if (!operand.isNumber()) {
            throw new CompositionException(operand, "math " + field + " must be a number");
        }
        return new MathTransform(operation, new BigDecimal(operand.asText()));
    }

    private static Transform string(JsonNode string) {
        String type = text(string, "type");
        return switch (type) {
            case "Format" -> new StringTransform(StringTransform.Kind.FORMAT, text(string, "fmt"), null, 0);
            case "Convert" -> convertString(string);
            case "TrimPrefix" -> new StringTransform(StringTransform.Kind.TRIM_PREFIX, text(string, "trim"), null, 0);
            case "TrimSuffix" -> new StringTransform(StringTransform.Kind.TRIM_SUFFIX, text(string, "trim"), null, 0);
            case "Regexp" -> {
                JsonNode regexp = required(string, "regexp");
                yield new StringTransform(StringTransform.Kind.REGEXP, null, regexp(regexp.get("match"), text(regexp, "match")),
                        regexp.path("group").asInt(0));
            }
            case "Join" -> new StringTransform(StringTransform.Kind.JOIN,
                    string.path("join").path("separator").asText(""), null, 0);
            default -> throw new CompositionException(string.get("type"), "unknown string transform type '" + type
                    + "' (Format, Convert, TrimPrefix, TrimSuffix, Regexp, Join)");
        };
    }

    private static Transform convertString(JsonNode string) {
        String convert = text(string, "convert");
        StringTransform.Kind kind = switch (convert) {
            case "ToUpper" -> StringTransform.Kind.TO_UPPER;
            case "ToLower" -> StringTransform.Kind.TO_LOWER;
            case "ToBase64" -> StringTransform.Kind.TO_BASE64;
            case "FromBase64" -> StringTransform.Kind.FROM_BASE64;
            case "ToJson" -> StringTransform.Kind.TO_JSON;
            case "ToSha256" -> StringTransform.Kind.TO_SHA256;
            default -> throw new CompositionException(string.get("convert"), "unknown string convert '" + convert
                    + "' (ToUpper, ToLower, ToBase64, FromBase64, ToJson, ToSha256)");
        };
        return new StringTransform(kind, null, null, 0);
    }

    private static Transform convert(JsonNode convert) {
        String toType = text(convert, "toType");
        ConvertTransform.ValueType type = switch (toType) {
            case "string" -> ConvertTransform.ValueType.STRING;
            case "int64", "int" -> ConvertTransform.ValueType.INT64;
            case "float64" -> ConvertTransform.ValueType.FLOAT64;
            case "bool" -> ConvertTransform.ValueType.BOOL;
            case "object" -> ConvertTransform.ValueType.OBJECT;
            case "array" -> ConvertTransform.ValueType.ARRAY;
            default -> throw new CompositionException(convert.get("toType"), "unknown toType '" + toType
                    + "' (string, int64, float64, bool, object, array)");
        };
        String format = convert.path("format").asText("");
        ConvertTransform.Format parsed = switch (format) {
            case "" -> ConvertTransform.Format.NONE;
            case "quantity" -> ConvertTransform.Format.QUANTITY;
            case "json" -> ConvertTransform.Format.JSON;
            default -> throw new CompositionException(convert.get("format"), "unknown convert format '" + format
                    + "' (quantity or json)");
        };
        return new ConvertTransform(type, parsed);
    }

    private static Pattern regexp(JsonNode at, String text) {
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            throw new CompositionException(at, "invalid regular expression: " + e.getDescription());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new CompositionException(node, "missing '" + field + "'");
        }
        return value;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = required(node, field);
        if (!value.isValueNode()) {
            throw new CompositionException(value, "'" + field + "' must be a string");
        }
        return value.asText();
    }
}
