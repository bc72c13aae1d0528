package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Returns the result of the first pattern that matches the input (literal or regular expression),
 * else the fallback value, or the input itself with {@code fallbackTo: Input}.
 */
public record MatchTransform(List<MatchPattern> patterns, JsonNode fallbackValue, boolean fallbackToInput)
        implements Transform {

    /** A literal (exact text) or a regular expression (found anywhere, anchor it for a full match). */
    public record MatchPattern(String literal, Pattern regexp, JsonNode result) {
        boolean matches(String input) {
            return literal != null ? literal.equals(input) : regexp.matcher(input).find();
        }
    }

    public MatchTransform {
        patterns = List.copyOf(patterns);
    }

    @Override
    public JsonNode apply(JsonNode input) {
        String text = input.asText();
        for (MatchPattern pattern : patterns) {
            if (pattern.matches(text)) {
                return pattern.result().deepCopy();
            }
        }
        if (fallbackToInput) {
            return input;
        }
        if (fallbackValue == null) {
            throw new TransformException("match transform: no pattern matches '" + text + "' and there is no fallbackValue");
        }
        return fallbackValue.deepCopy();
    }

    @Override
    public ValueKind output() {
        return ValueKind.ANY;
    }

    @Override
    public Set<ValueKind> accepts() {
        return Set.of(ValueKind.STRING, ValueKind.NUMBER, ValueKind.BOOLEAN);
    }
}
