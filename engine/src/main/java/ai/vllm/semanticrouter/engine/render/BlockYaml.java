package ai.vllm.semanticrouter.engine.render;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A fast block-style YAML writer for JSON trees whose output is byte-identical to {@link Serializer}'s
 * Jackson YAML generator. It only takes trees it is sure about (plain keys, short simple strings, ints,
 * doubles, booleans, nulls, no arrays directly in arrays); for anything else it answers null and the
 * caller uses Jackson. The serialisation step runs on every render, and SnakeYAML's emitter is slow.
 */
final class BlockYaml {
    private static final int MAX_WIDTH = 78;
    private static final int MAX_KEY = 61;
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
            if (!key(key) || reserved(key)) {
                throw UNSUPPORTED;
            }
            if (!(first && firstInline)) {
                indent(indent, out);
            }
            first = false;
            out.append(key).append(':');
            value(field.getValue(), indent, indent + key.length() + 2, out);
        }
    }

    private static void array(JsonNode node, int indent, StringBuilder out) {
        for (JsonNode item : node) {
            indent(indent, out);
            out.append('-');
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
        if (column + text.length() > MAX_WIDTH && text.indexOf(' ') >= 0) {
            throw UNSUPPORTED; // the YAML writer would fold it at a space
        }
        if (reserved(text)) {
            String lower = text.toLowerCase();
            if (!text.equals(lower) && !text.equals(text.toUpperCase()) && !text.equals(capitalized(lower))) {
                throw UNSUPPORTED;
            }
            return '"' + text + '"';
        }
        if (number(text)) {
            return '"' + text + '"';
        }
        if (!plain(text)) {
            throw UNSUPPORTED;
        }
        return text;
    }

    private static void indent(int count, StringBuilder out) {
        for (int i = 0; i < count; i++) {
            out.append(' ');
        }
    }

    private static boolean reserved(String text) {
        return text.length() <= 5 && RESERVED.contains(text.toLowerCase());
    }

    /** A key Jackson writes unquoted: a letter or underscore, then letters, digits, {@code _ . / -}. */
    private static boolean key(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY || !(letter(key.charAt(0)) || key.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!(letter(c) || digit(c) || c == '_' || c == '.' || c == '/' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Digits, optionally a dot and more digits (at most 18 each): a string Jackson quotes as number-like. */
    private static boolean number(String text) {
        int dot = text.indexOf('.');
        String whole = dot < 0 ? text : text.substring(0, dot);
        return digits(whole) && (dot < 0 || digits(text.substring(dot + 1)));
    }

    private static boolean digits(String text) {
        if (text.isEmpty() || text.length() > 18) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!digit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A string SnakeYAML writes plain: starts with a letter, {@code _} or {@code /}; words of letters, digits,
     * {@code _ . / + @ -} and inner colons ({@code host:4317}; later words may also hold parentheses)
     * separated by single spaces.
     */
    private static boolean plain(String text) {
        char start = text.isEmpty() ? ' ' : text.charAt(0);
        if (!(letter(start) || start == '_' || start == '/')) {
            return false;
        }
        boolean afterSpace = false;
        boolean laterWord = false;
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (afterSpace) {
                    return false;
                }
                afterSpace = true;
                laterWord = true;
                continue;
            }
            boolean word = letter(c) || digit(c) || c == '_' || c == '.' || c == '/' || c == '+' || c == '@' || c == '-'
                    || (c == ':' && i + 1 < text.length() && text.charAt(i + 1) != ' ');
            if (!word && !(laterWord && (c == '(' || c == ')'))) {
                return false;
            }
            afterSpace = false;
        }
        return !afterSpace;
    }

    private static boolean letter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }
}
