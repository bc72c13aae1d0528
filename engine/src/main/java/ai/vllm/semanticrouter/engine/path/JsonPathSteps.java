package ai.vllm.semanticrouter.engine.path;

import java.util.ArrayList;
import java.util.List;

/**
 * The leading steps of a JSONPath that a schema can follow: {@code .name}, {@code ['name']},
 * {@code [0]}, {@code [*]}, {@code .*} and filters {@code [?(...)]} (every element). It stops at the
 * first step it cannot follow (a deep scan {@code ..}, a union, a slice, a function).
 */
final class JsonPathSteps {
    private JsonPathSteps() {
    }

    static List<PathSegment> leading(String text) {
        List<PathSegment> steps = new ArrayList<>();
        int i = 1; // after '$'
        while (i < text.length()) {
            char c = text.charAt(i);
            int next;
            if (c == '.' && i + 1 < text.length() && text.charAt(i + 1) != '.') {
                next = dotted(text, i + 1, steps);
            } else if (c == '[') {
                next = bracket(text, i, steps);
            } else {
                next = -1;
            }
            if (next < 0) {
                break;
            }
            i = next;
        }
        return steps;
    }

    private static int dotted(String text, int start, List<PathSegment> steps) {
        int end = start;
        while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
            end++;
        }
        String name = text.substring(start, end);
        if (name.isEmpty() || name.contains("(")) {
            return -1;
        }
        steps.add(name.equals("*") ? new PathSegment.Every() : new PathSegment.Key(name));
        return end;
    }

    private static int bracket(String text, int open, List<PathSegment> steps) {
        if (text.startsWith("[?(", open)) {
            int close = filterEnd(text, open);
            if (close > 0) {
                steps.add(new PathSegment.Every());
            }
            return close;
        }
        int close = text.indexOf(']', open);
        if (close < 0) {
            return -1;
        }
        String inside = text.substring(open + 1, close).trim();
        if (inside.equals("*")) {
            steps.add(new PathSegment.Every());
        } else if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit)) {
            steps.add(new PathSegment.Index(Integer.parseInt(inside)));
        } else if (inside.length() >= 2 && (inside.charAt(0) == '\'' || inside.charAt(0) == '"')
                && inside.charAt(inside.length() - 1) == inside.charAt(0) && inside.indexOf(inside.charAt(0), 1) == inside.length() - 1) {
            steps.add(new PathSegment.Key(inside.substring(1, inside.length() - 1)));
        } else {
            return -1;
        }
        return close + 1;
    }

    /** The index after the {@code ]} closing a filter, skipping brackets and quotes inside it; -1 if none. */
    private static int filterEnd(String text, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
                if (depth == 0) {
                    return c == ']' ? i + 1 : -1;
                }
            }
        }
        return -1;
    }
}
