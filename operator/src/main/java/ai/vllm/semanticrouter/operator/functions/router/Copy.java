package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Copying CR values into the canonical config: only what the CR sets (explicit false, 0 and ""
 * included, since the router's built-in defaults differ), thresholds written as text in the CR
 * turned into YAML numbers, and keys a closed schema refuses left out.
 */
final class Copy {
    private Copy() {
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isMissingNode() && !node.isNull();
    }

    /** {@code to[key] = from[key]} when set. */
    static void field(JsonNode from, String key, ObjectNode to) {
        field(from, key, to, key);
    }

    static void field(JsonNode from, String key, ObjectNode to, String toKey) {
        JsonNode value = from.path(key);
        if (present(value)) {
            to.set(toKey, value.deepCopy());
        }
    }

    /** Each named field, when set. */
    static void fields(JsonNode from, ObjectNode to, String... keys) {
        for (String key : keys) {
            field(from, key, to);
        }
    }

    /** A threshold, rate or bucket: a number in the config whether the CR wrote {@code "0.8"} or {@code 0.8}. */
    static void number(JsonNode from, String key, ObjectNode to) {
        JsonNode value = from.path(key);
        if (present(value)) {
            to.set(key, number(value));
        }
    }

    static JsonNode number(JsonNode value) {
        if (value.isNumber()) {
            return value;
        }
        try {
            return DecimalNode.valueOf(new BigDecimal(value.asText().trim()));
        } catch (NumberFormatException e) {
            return value; // the CRD's pattern refuses this; let the router's validator name it
        }
    }

    /** A list of numbers written as text or numbers. */
    static void numbers(JsonNode from, String key, ObjectNode to) {
        JsonNode value = from.path(key);
        if (value.isArray()) {
            ArrayNode array = to.putArray(key);
            value.forEach(v -> array.add(number(v)));
        }
    }

    /** A deep copy of an object without the keys in {@code drop} (at any depth). */
    static JsonNode without(JsonNode value, Set<String> drop) {
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).objectNode();
            value.properties().forEach(e -> {
                if (!drop.contains(e.getKey()) && present(e.getValue())) {
                    copy.set(e.getKey(), without(e.getValue(), drop));
                }
            });
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = ((ArrayNode) value).arrayNode();
            value.forEach(v -> copy.add(without(v, drop)));
            return copy;
        }
        return value.deepCopy();
    }

    /** {@code to[key]} as an object, created when missing. */
    static ObjectNode object(ObjectNode to, String key) {
        JsonNode existing = to.get(key);
        return existing instanceof ObjectNode object ? object : to.putObject(key);
    }

    /** Drops empty objects left behind, so the config holds only what is set. */
    static void pruneEmpty(ObjectNode node) {
        var names = new java.util.ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode child = node.get(name);
            if (child instanceof ObjectNode object) {
                pruneEmpty(object);
                if (object.isEmpty()) {
                    node.remove(name);
                }
            }
        }
    }
}
