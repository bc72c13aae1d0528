package ai.vllm.semanticrouter.engine.path;

import java.util.ArrayList;
import java.util.List;

/** Turns {@code a.b[0][key.with.dots].c[*]} into segments. */
final class FieldPathParser {
    private FieldPathParser() {
    }

    static List<PathSegment> segments(String text) {
        List<PathSegment> segments = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new FieldPathSyntaxException(text, i, "'[' is not closed by ']'");
                }
                segments.add(bracket(text, i, text.substring(i + 1, close)));
                i = close + 1;
            } else if (c == '.') {
                if (i == 0 || i + 1 >= text.length() || text.charAt(i + 1) == '.' || text.charAt(i + 1) == '[') {
                    throw new FieldPathSyntaxException(text, i, "empty field name");
                }
                i++;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    if (text.charAt(end) == ']' || Character.isWhitespace(text.charAt(end))) {
                        throw new FieldPathSyntaxException(text, end, "unexpected '" + text.charAt(end) + "'");
                    }
                    end++;
                }
                segments.add(new PathSegment.Key(text.substring(i, end)));
                i = end;
            }
        }
        return segments;
    }

    private static PathSegment bracket(String text, int at, String inside) {
        if (inside.isEmpty()) {
            throw new FieldPathSyntaxException(text, at, "empty []");
        }
        if (inside.equals("*")) {
            return new PathSegment.Every();
        }
        if (inside.chars().allMatch(Character::isDigit)) {
            return new PathSegment.Index(Integer.parseInt(inside));
        }
        String key = inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\"")) ? inside.substring(1, inside.length() - 1) : inside;
        return new PathSegment.Key(key);
    }
}
