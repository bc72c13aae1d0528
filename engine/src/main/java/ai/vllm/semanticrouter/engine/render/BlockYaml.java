package ai.vllm.semanticrouter.engine.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fast block-style YAML writer for JSON trees whose output is byte-identical to {@link Serializer}'s
 * Jackson YAML generator. It only takes trees it is sure about (plain keys, short simple strings, ints,
 * doubles, booleans, nulls, no arrays directly in arrays); for anything else it answers null and the
 * caller uses Jackson. The serialisation step runs on every render, and SnakeYAML's emitter is slow.
 */
final class BlockYaml {
    private static final int MAX_WIDTH = 78;
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./+@-]*(?: [A-Za-z0-9_./+@()-]+)*");
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]{0,60}");
    private static final Pattern NUMBER = Pattern.compile("[0-9]{1,18}(?:\\.[0-9]{1,18})?");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "y", "n", "on", "off", "null");

    /** Signals a tree this writer does not handle; carries no stack trace. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static final Unsupported UNSUPPORTED = new Unsupported();

    private BlockYaml() {
    }

    /** The YAML text of an object or array, or null when Jackson must write it. */
    static String write(JsonNode root) {
        if (!root.isContainerNode() || root.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(512);
        try {
            if (root.isObject()) {
                object(root, 0, false, out);
            } else {
                array(root, 0, out);
            }
        } catch (Unsupported e) {
            return null;
        }
        return out.toString();
    }

    private static void object(JsonNode node, int indent, boolean firstInline, StringBuilder out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (!KEY.matcher(key).matches() || RESERVED.contains(key.toLowerCase())) {
                throw UNSUPPORTED;
            }
            if (!(first && firstInline)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(key).append(':');
            value(field.getValue(), indent, indent + key.length() + 2, out);
        }
    }

    private static void array(JsonNode node, int indent, StringBuilder out) {
        for (JsonNode item : node) {
            out.append(" ".repeat(indent)).append('-');
            if (item.isArray() && !item.isEmpty()) {
                throw UNSUPPORTED;
            }
            if (item.isObject() && !item.isEmpty()) {
                out.append(' ');
                object(item, indent + 2, true, out);
            } else {
                out.append(' ').append(scalar(item, indent + 2)).append('\n');
            }
        }
    }

    /** Writes what follows "key:" for a value whose key sits at {@code indent}. */
    private static void value(JsonNode value, int indent, int column, StringBuilder out) {
        if (value.isObject() && !value.isEmpty()) {
            out.append('\n');
            object(value, indent + 2, false, out);
        } else if (value.isArray() && !value.isEmpty()) {
            out.append('\n');
            array(value, indent, out);
        } else {
            out.append(' ').append(scalar(value, column)).append('\n');
        }
    }

    private static String scalar(JsonNode value, int column) {
        if (value.isObject()) {
            return "{}";
        }
        if (value.isArray()) {
            return "[]";
        }
        if (value.isNull()) {
            return "null";
        }
        if (value.isBoolean() || value.isInt() || value.isLong()) {
            return value.asText();
        }
        if (value.isDouble() && Double.isFinite(value.doubleValue())) {
            return Double.toString(value.doubleValue());
        }
        if (value.isTextual()) {
            return text(value.textValue(), column);
        }
        throw UNSUPPORTED;
    }

    private static String capitalized(String lower) {
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String text(String text, int column) {
        if (column + text.length() > MAX_WIDTH) {
            throw UNSUPPORTED;
        }
        String lower = text.toLowerCase();
        if (RESERVED.contains(lower)) {
            if (!text.equals(lower) && !text.equals(text.toUpperCase()) && !text.equals(capitalized(lower))) {
                throw UNSUPPORTED;
            }
            return '"' + text + '"';
        }
        if (NUMBER.matcher(text).matches()) {
            return '"' + text + '"';
        }
        if (!PLAIN.matcher(text).matches()) {
            throw UNSUPPORTED;
        }
        return text;
    }
}
