package ai.vllm.semanticrouter.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Walks a value and its schema together, collecting every violation with its field path. */
final class SchemaValidator {
    private final List<SchemaViolation> violations;

    SchemaValidator(List<SchemaViolation> violations) {
        this.violations = violations;
    }

    void validate(JsonNode value, JsonNode schema, String path, boolean absent) {
        if (absent || value.isMissingNode()) {
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                add(path, "must not be null");
            }
            return;
        }
        if (!typeMatches(value, schema, path)) {
            return;
        }
        checkScalar(value, schema, path);
        checkNot(value, schema, path);
        if (value.isObject()) {
            checkObject(value, schema, path);
        } else if (value.isArray()) {
            checkArray(value, schema, path);
        }
        new RuleEvaluator(violations).check(value, schema, path);
    }

    private boolean typeMatches(JsonNode value, JsonNode schema, String path) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            if (value.isIntegralNumber() || value.isTextual()) {
                return true;
            }
            add(path, "must be an integer or a string");
            return false;
        }
        String type = schema.path("type").asText("");
        boolean ok = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!ok) {
            add(path, "must be of type " + type + ", got " + value.getNodeType().name().toLowerCase());
        }
        return ok;
    }

    private void checkScalar(JsonNode value, JsonNode schema, String path) {
        if (schema.has("enum")) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value) || allowed.asText().equals(value.asText()) && value.isValueNode();
            }
            if (!listed) {
                add(path, "Unsupported value: \"" + value.asText() + "\": supported values: " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            if (schema.has("minimum") && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                add(path, "should be greater than or equal to " + schema.get("minimum").asText());
            }
            if (schema.has("maximum") && value.decimalValue().compareTo(schema.get("maximum").decimalValue()) > 0) {
                add(path, "should be less than or equal to " + schema.get("maximum").asText());
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.has("minLength") && text.length() < schema.get("minLength").asInt()) {
                add(path, "should be at least " + schema.get("minLength").asInt() + " chars long");
            }
            if (schema.has("maxLength") && text.length() > schema.get("maxLength").asInt()) {
                add(path, "may not be more than " + schema.get("maxLength").asInt() + " bytes");
            }
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                add(path, "should match '" + schema.get("pattern").asText() + "'");
            }
        }
    }

    /**
     * {@code not}: the value must fail the nested value validations. With the kind-specific keywords
     * (pattern only for strings, minimum for numbers, ...) it lets an untyped field accept some kinds
     * and refuse others, for example {@code not: {enum: [true, false]}} to refuse booleans.
     */
    private void checkNot(JsonNode value, JsonNode schema, String path) {
        if (!schema.path("not").isObject()) {
            return;
        }
        List<SchemaViolation> nested = new ArrayList<>();
        new SchemaValidator(nested).validate(value, schema.get("not"), path, false);
        if (nested.isEmpty()) {
            add(path, "must not validate the schema (not)");
        }
    }

    private void checkObject(JsonNode value, JsonNode schema, String path) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                add(join(path, required.asText()), "Required value");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
            add(path, "should have at least " + schema.get("minProperties").asInt() + " properties");
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            add(path, "must have at most " + schema.get("maxProperties").asInt() + " items");
        }
        value.fields().forEachRemaining(field -> {
            String fieldPath = join(path, field.getKey());
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), fieldPath, false);
            } else if (additional.isObject()) {
                validate(field.getValue(), additional, fieldPath, false);
            } else if (!preserve && properties.size() > 0) {
                add(fieldPath, "field not declared in schema");
            }
        });
    }

    private void checkArray(JsonNode value, JsonNode schema, String path) {
        if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
            add(path, "should have at least " + schema.get("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
            add(path, "must have at most " + schema.get("maxItems").asInt() + " items");
        }
        if ("set".equals(schema.path("x-kubernetes-list-type").asText()) && new HashSet<>(toList(value)).size() != value.size()) {
            add(path, "duplicate entries");
        }
        JsonNode items = schema.path("items");
        for (int i = 0; i < value.size(); i++) {
            validate(value.get(i), items, path + "[" + i + "]", false);
        }
    }

    private static Set<JsonNode> toList(JsonNode array) {
        Set<JsonNode> values = new HashSet<>();
        array.forEach(values::add);
        return values;
    }

    private static String join(String path, String field) {
        return field.matches("[A-Za-z0-9_-]+") ? path + "." + field : path + "[" + field + "]";
    }

    private void add(String path, String message) {
        violations.add(new SchemaViolation(path, message));
    }
}
