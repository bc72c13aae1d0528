package ai.vllm.semanticrouter.engine.cel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A direct evaluator, over the JSON trees, for the shapes conditions usually take: field selections,
 * {@code has()}, {@code !}, {@code &&}, {@code ||}, {@code ==}/{@code !=} between strings, bools or ints,
 * int ordering and {@code size()}. It skips CEL's interpreter and its value conversion, and answers only
 * when the answer is certain: wherever CEL would raise an error or convert a value (a missing key, a
 * JSON null, mixed types, a double), it answers "unknown" and the caller evaluates with CEL, so results
 * and error messages stay CEL's own. {@code CelExpressionTest} checks it against CEL on random trees.
 */
final class DirectCondition {
    /** The answer when CEL has to decide; it always stands for an error or a bool, never another value. */
    private static final Object UNKNOWN = new Object();

    @FunctionalInterface
    private interface Node {
        /** A JsonNode, Boolean, Long or String; {@link #UNKNOWN} when CEL must decide. */
        Object eval(Function<String, JsonNode> variables);
    }

    private final Node root;

    private DirectCondition(Node root) {
        this.root = root;
    }

    /** The direct form of a checked expression, or null when it uses anything outside the subset. */
    static DirectCondition of(CelExpr expr) {
        Node root = node(expr);
        return root == null ? null : new DirectCondition(root);
    }

    /**
     * @param variables a variable's JSON tree by name (null when unbound)
     * @return the bool result, or null when CEL must evaluate (it may give an error or another value)
     */
    Boolean test(Function<String, JsonNode> variables) {
        Object result = scalar(root.eval(variables));
        return result instanceof Boolean bool ? bool : null;
    }

    private static Node node(CelExpr expr) {
        switch (expr.getKind()) {
            case CONSTANT:
                return constant(expr.constant());
            case IDENT: {
                String name = expr.ident().name();
                return variables -> {
                    JsonNode value = variables.apply(name);
                    return value == null || value.isNull() || value.isMissingNode() ? UNKNOWN : value;
                };
            }
            case SELECT:
                return select(expr.select());
            case CALL:
                return call(expr.call());
            default:
                return null;
        }
    }

    private static Node constant(CelConstant constant) {
        Object value;
        switch (constant.getKind()) {
            case BOOLEAN_VALUE:
                value = constant.booleanValue();
                break;
            case INT64_VALUE:
                value = constant.int64Value();
                break;
            case STRING_VALUE:
                value = constant.stringValue();
                break;
            default:
                return null;
        }
        return variables -> value;
    }

    private static Node select(CelExpr.CelSelect select) {
        Node operand = node(select.operand());
        if (operand == null) {
            return null;
        }
        String field = select.field();
        if (select.testOnly()) {
            return variables -> {
                Object object = operand.eval(variables);
                if (!(object instanceof JsonNode json) || !json.isObject()) {
                    return UNKNOWN;
                }
                JsonNode member = json.get(field);
                return member != null && !member.isNull();
            };
        }
        return variables -> {
            Object object = operand.eval(variables);
            if (!(object instanceof JsonNode json) || !json.isObject()) {
                return UNKNOWN;
            }
            JsonNode member = json.get(field);
            return member == null || member.isNull() ? UNKNOWN : member;
        };
    }

    private static Node call(CelExpr.CelCall call) {
        List<Node> args = new ArrayList<>();
        if (call.target().isPresent()) {
            args.add(node(call.target().get()));
        }
        for (CelExpr arg : call.args()) {
            args.add(node(arg));
        }
        if (args.contains(null)) {
            return null;
        }
        String function = call.function();
        switch (function) {
            case "_&&_":
                return variables -> and(args, variables);
            case "_||_":
                return variables -> or(args, variables);
            case "!_":
                return args.size() != 1 ? null : variables -> {
                    Object value = scalar(args.get(0).eval(variables));
                    return value instanceof Boolean bool ? !bool : UNKNOWN;
                };
            case "_==_":
            case "_!=_":
                return args.size() != 2 ? null : variables -> {
                    Object left = scalar(args.get(0).eval(variables));
                    Object right = scalar(args.get(1).eval(variables));
                    if (left == UNKNOWN || right == UNKNOWN || left.getClass() != right.getClass() || left instanceof JsonNode) {
                        return UNKNOWN;
                    }
                    return left.equals(right) == function.equals("_==_");
                };
            case "_<_":
            case "_<=_":
            case "_>_":
            case "_>=_":
                return args.size() != 2 ? null : variables -> {
                    Object left = scalar(args.get(0).eval(variables));
                    Object right = scalar(args.get(1).eval(variables));
                    if (!(left instanceof Long l) || !(right instanceof Long r)) {
                        return UNKNOWN;
                    }
                    int order = Long.compare(l, r);
                    return switchOrder(function, order);
                };
            case "size":
                return args.size() != 1 ? null : variables -> size(args.get(0).eval(variables));
            default:
                return null;
        }
    }

    private static boolean switchOrder(String function, int order) {
        if (function.equals("_<_")) {
            return order < 0;
        }
        if (function.equals("_<=_")) {
            return order <= 0;
        }
        return function.equals("_>_") ? order > 0 : order >= 0;
    }

    /**
     * CEL's logical and: false if any operand is false, even beside an error (unknown here always
     * stands for an error or a bool); true if all are true. An operand that is a value of another
     * type leaves the answer to CEL, which does not absorb it.
     */
    private static Object and(List<Node> operands, Function<String, JsonNode> variables) {
        return logical(operands, variables, false);
    }

    /** CEL's logical or: true if any operand is true, even beside an error; false if all are false. */
    private static Object or(List<Node> operands, Function<String, JsonNode> variables) {
        return logical(operands, variables, true);
    }

    private static Object logical(List<Node> operands, Function<String, JsonNode> variables, boolean decisive) {
        boolean certain = true;
        boolean decided = false;
        for (Node operand : operands) {
            Object value = scalar(operand.eval(variables));
            if (value instanceof Boolean bool) {
                decided |= bool == decisive;
            } else if (value == UNKNOWN) {
                certain = false;
            } else {
                return UNKNOWN;
            }
        }
        if (decided) {
            return decisive;
        }
        return certain ? !decisive : UNKNOWN;
    }

    private static Object size(Object value) {
        if (value instanceof String text) {
            return (long) text.codePointCount(0, text.length());
        }
        if (!(value instanceof JsonNode json)) {
            return UNKNOWN;
        }
        if (json.isTextual()) {
            return (long) json.textValue().codePointCount(0, json.textValue().length());
        }
        if (json.isArray()) {
            return (long) json.size();
        }
        if (json.isObject()) {
            long members = 0;
            for (Iterator<Map.Entry<String, JsonNode>> fields = json.fields(); fields.hasNext(); ) {
                members += fields.next().getValue().isNull() ? 0 : 1;
            }
            return members;
        }
        return UNKNOWN;
    }

    /** A JSON scalar as CEL sees it (string, bool, int); objects, arrays and doubles stay JSON. */
    private static Object scalar(Object value) {
        if (!(value instanceof JsonNode json)) {
            return value;
        }
        if (json.isTextual()) {
            return json.textValue();
        }
        if (json.isBoolean()) {
            return json.booleanValue();
        }
        if (json.isIntegralNumber() && json.canConvertToLong()) {
            return json.longValue();
        }
        return json; // an object, array or double: a value this evaluator only passes on
    }
}
