package ai.vllm.semanticrouter.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Defaulting and pruning as the API server does them for structural schemas. */
final class SchemaDefaults {
    private SchemaDefaults() {
    }

    static void apply(JsonNode value, JsonNode schema) {
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            properties.fields().forEachRemaining(property -> {
                JsonNode propertySchema = property.getValue();
                if (absentOrNull(object.get(property.getKey()), propertySchema) && propertySchema.has("default")) {
                    object.set(property.getKey(), propertySchema.get("default").deepCopy());
                }
                if (object.has(property.getKey())) {
                    apply(object.get(property.getKey()), propertySchema);
                }
            });
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                object.fields().forEachRemaining(field -> apply(field.getValue(), additional));
            }
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            JsonNode items = schema.get("items");
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isNull() && !items.path("nullable").asBoolean(false) && items.has("default")) {
                    array.set(i, items.get("default").deepCopy());
                }
                apply(array.get(i), items);
            }
        }
    }

    /** Absent, or null where the schema does not allow null: the API server defaults both. */
    private static boolean absentOrNull(JsonNode value, JsonNode schema) {
        return value == null || value.isNull() && !schema.path("nullable").asBoolean(false);
    }

    /**
     * Removes the nulls of fields that are neither nullable nor defaulted, as the API server does
     * before defaulting ({@code serviceAccount: {annotations: }} is stored without annotations).
     * Nulls under a field the schema does not describe, and null list items, stay.
     */
    static void dropNulls(JsonNode value, JsonNode schema) {
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(field -> {
                JsonNode fieldSchema = properties.has(field.getKey()) ? properties.get(field.getKey())
                        : additional.isObject() ? additional : null;
                if (fieldSchema == null) {
                    return;
                }
                if (field.getValue().isNull()) {
                    if (!fieldSchema.path("nullable").asBoolean(false) && !fieldSchema.has("default")) {
                        nulls.add(field.getKey());
                    }
                } else {
                    dropNulls(field.getValue(), fieldSchema);
                }
            });
            nulls.forEach(object::remove);
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            array.forEach(element -> dropNulls(element, schema.get("items")));
        }
    }

    static void prune(JsonNode value, JsonNode schema, boolean topLevel) {
        if (schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false) && !schema.has("properties")) {
            return;
        }
        if (value instanceof ObjectNode object) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.path("additionalProperties");
            List<String> unknown = new ArrayList<>();
            object.fieldNames().forEachRemaining(name -> {
                if (topLevel && (name.equals("apiVersion") || name.equals("kind") || name.equals("metadata"))) {
                    return;
                }
                if (properties.has(name)) {
                    prune(object.get(name), properties.get(name), false);
                } else if (additional.isObject()) {
                    prune(object.get(name), additional, false);
                } else if (!schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                    unknown.add(name);
                }
            });
            unknown.forEach(object::remove);
        } else if (value instanceof ArrayNode array && schema.has("items")) {
            array.forEach(element -> prune(element, schema.get("items"), false));
        }
    }
}
