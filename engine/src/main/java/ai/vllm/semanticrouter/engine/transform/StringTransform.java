package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** String transforms: Format, Convert, TrimPrefix, TrimSuffix, Regexp (with a group) and Join. */
public record StringTransform(Kind kind, String argument, Pattern regexp, int group) implements Transform {

    private static final Pattern VERB = Pattern.compile("%(-?\\d*)([a-zA-Z%])");

    public enum Kind { FORMAT, TO_UPPER, TO_LOWER, TO_BASE64, FROM_BASE64, TO_JSON, TO_SHA256, TRIM_PREFIX, TRIM_SUFFIX, REGEXP, JOIN }

    @Override
    public JsonNode apply(JsonNode input) {
        return TextNode.valueOf(switch (kind) {
            case FORMAT -> format(argument, List.of(input));
            case TO_UPPER -> text(input).toUpperCase(java.util.Locale.ROOT);
            case TO_LOWER -> text(input).toLowerCase(java.util.Locale.ROOT);
            case TO_BASE64 -> Base64.getEncoder().encodeToString(text(input).getBytes(StandardCharsets.UTF_8));
            case FROM_BASE64 -> fromBase64(text(input));
            case TO_JSON -> Json.canonical(input);
            case TO_SHA256 -> input.isValueNode() ? Digests.sha256Hex(input.asText()) : Json.canonicalSha256(input);
            case TRIM_PREFIX -> text(input).startsWith(argument) ? text(input).substring(argument.length()) : text(input);
            case TRIM_SUFFIX -> text(input).endsWith(argument)
                    ? text(input).substring(0, text(input).length() - argument.length()) : text(input);
            case REGEXP -> regexp(text(input));
            case JOIN -> join(input);
        });
    }

    /** Go-like formatting: %s and %v print the value (JSON for objects and arrays), %d an integer. */
    public static String format(String fmt, List<JsonNode> values) {
        List<Object> arguments = new ArrayList<>();
        Matcher verbs = VERB.matcher(fmt);
        int index = 0;
        int consumed = 0;
        boolean plain = true;
        while (verbs.find()) {
            char verb = verbs.group(2).charAt(0);
            consumed += verb == '%' ? 2 : 1;
            if (verb == '%') {
                plain &= verbs.group(1).isEmpty();
                continue;
            }
            if (index >= values.size()) {
                throw new TransformException("format '" + fmt + "' has more verbs than the " + values.size() + " value(s) given");
            }
            JsonNode value = values.get(index++);
            plain &= verbs.group(1).isEmpty() && (verb == 's' || verb == 'v' || verb == 'd');
            arguments.add(verb == 'd' ? integer(value) : value.isValueNode() ? value.asText() : Json.canonical(value));
        }
        if (plain && percentSigns(fmt) == consumed) {
            return substitute(fmt, arguments);
        }
        return String.format(java.util.Locale.ROOT, fmt.replace("%v", "%s"), arguments.toArray());
    }

    private static int percentSigns(String fmt) {
        int count = 0;
        for (int i = fmt.indexOf('%'); i >= 0; i = fmt.indexOf('%', i + 1)) {
            count++;
        }
        return count;
    }

    /**
     * What String.format gives for a format of only %s, %v, %d and %% without widths or flags, without
     * parsing the format again (a render formats dozens of names).
     */
    private static String substitute(String fmt, List<Object> arguments) {
        StringBuilder out = new StringBuilder(fmt.length() + 32);
        int next = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c == '%') {
                char verb = fmt.charAt(++i);
                out.append(verb == '%' ? "%" : String.valueOf(arguments.get(next++)));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static long integer(JsonNode value) {
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        try {
            return Long.parseLong(value.asText());
        } catch (NumberFormatException e) {
            throw new TransformException("%d needs an integer, got '" + value.asText() + "'");
        }
    }

    private static String text(JsonNode input) {
        if (!input.isValueNode()) {
            throw new TransformException("string transform needs a string, got " + ValueKind.of(input).name().toLowerCase());
        }
        return input.asText();
    }

    private static String fromBase64(String text) {
        try {
            return new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new TransformException("'" + text + "' is not base64: " + e.getMessage());
        }
    }

    private String regexp(String text) {
        Matcher matcher = regexp.matcher(text);
        if (!matcher.find()) {
            throw new TransformException("regexp '" + regexp.pattern() + "' does not match '" + text + "'");
        }
        if (group > matcher.groupCount()) {
            throw new TransformException("regexp '" + regexp.pattern() + "' has no group " + group);
        }
        return matcher.group(group);
    }

    private String join(JsonNode input) {
        if (!input.isArray()) {
            throw new TransformException("Join needs an array, got " + ValueKind.of(input).name().toLowerCase());
        }
        List<String> parts = new ArrayList<>();
        input.forEach(element -> parts.add(element.isValueNode() ? element.asText() : Json.canonical(element)));
        return String.join(argument, parts);
    }

    @Override
    public ValueKind output() {
        return ValueKind.STRING;
    }

    @Override
    public Set<ValueKind> accepts() {
        return switch (kind) {
            case FORMAT, TO_JSON, TO_SHA256 -> ValueKind.EVERY;
            case JOIN -> Set.of(ValueKind.ARRAY);
            default -> Set.of(ValueKind.STRING, ValueKind.NUMBER, ValueKind.BOOLEAN);
        };
    }
}
