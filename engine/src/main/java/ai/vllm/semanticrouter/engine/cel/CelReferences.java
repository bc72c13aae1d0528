package ai.vllm.semanticrouter.engine.cel;

import ai.vllm.semanticrouter.engine.path.PathSegment;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the fields of one variable that a checked CEL expression reads: chains of selections and
 * constant indexes from the variable, followed through the comprehensions that macros expand to
 * ({@code exists}, {@code all}, {@code map}, {@code filter}), whose iteration variable stands for
 * every element of the range. Only the longest chain is reported ({@code composite.spec.a.b}, not
 * also {@code composite.spec.a}).
 */
final class CelReferences {
    private final CelAbstractSyntaxTree ast;
    private final String variable;
    private final List<CelReference> found = new ArrayList<>();

    private CelReferences(CelAbstractSyntaxTree ast, String variable) {
        this.ast = ast;
        this.variable = variable;
    }

    static List<CelReference> of(CelAbstractSyntaxTree ast, String variable) {
        CelReferences references = new CelReferences(ast, variable);
        references.visit(ast.getExpr(), Map.of(), false);
        return List.copyOf(references.found);
    }

    /**
     * @param bound    iteration variables in scope: the path they stand for, or empty when they shadow
     *                 the variable with something else
     * @param extended whether the parent selects or indexes further into this expression
     */
    private void visit(CelExpr expr, Map<String, Optional<Chain>> bound, boolean extended) {
        Chain chain = chain(expr, bound);
        if (chain != null && !extended) {
            found.add(new CelReference(variable, chain.path(), chain.offset()));
        }
        switch (expr.getKind()) {
            case SELECT -> visit(expr.select().operand(), bound, chain != null);
            case CALL -> {
                boolean index = isIndex(expr);
                expr.call().target().ifPresent(target -> visit(target, bound, false));
                for (int i = 0; i < expr.call().args().size(); i++) {
                    visit(expr.call().args().get(i), bound, index && i == 0 && chain != null);
                }
            }
            case LIST -> expr.list().elements().forEach(element -> visit(element, bound, false));
            case MAP -> expr.map().entries().forEach(entry -> {
                visit(entry.key(), bound, false);
                visit(entry.value(), bound, false);
            });
            case STRUCT -> expr.struct().entries().forEach(entry -> visit(entry.value(), bound, false));
            case COMPREHENSION -> comprehension(expr.comprehension(), bound);
            default -> {
            }
        }
    }

    private void comprehension(CelExpr.CelComprehension loop, Map<String, Optional<Chain>> bound) {
        visit(loop.iterRange(), bound, false);
        Chain range = chain(loop.iterRange(), bound);
        Optional<Chain> element = Optional.ofNullable(range).map(r -> r.plus(new PathSegment.Every()));
        Map<String, Optional<Chain>> inner = new HashMap<>(bound);
        if (loop.iterVar2() != null && !loop.iterVar2().isEmpty()) { // (index or key, value)
            inner.put(loop.iterVar(), Optional.empty());
            inner.put(loop.iterVar2(), element);
        } else {
            inner.put(loop.iterVar(), element);
        }
        inner.put(loop.accuVar(), Optional.empty());
        visit(loop.accuInit(), bound, false);
        visit(loop.loopCondition(), inner, false);
        visit(loop.loopStep(), inner, false);
        visit(loop.result(), inner, false);
    }

    /** The path this expression reads from the variable, or null when it is not such a chain. */
    private Chain chain(CelExpr expr, Map<String, Optional<Chain>> bound) {
        switch (expr.getKind()) {
            case IDENT: {
                String name = expr.ident().name();
                if (bound.containsKey(name)) { // an iteration variable: where it is used, not its range
                    return bound.get(name).map(range -> new Chain(range.path(), offset(expr))).orElse(null);
                }
                return name.equals(variable) ? new Chain(List.of(), offset(expr)) : null;
            }
            case SELECT: {
                Chain operand = chain(expr.select().operand(), bound);
                return operand == null ? null : operand.plus(new PathSegment.Key(expr.select().field()));
            }
            case CALL: {
                if (!isIndex(expr)) {
                    return null;
                }
                Chain operand = chain(expr.call().args().get(0), bound);
                return operand == null ? null : operand.plus(indexSegment(expr.call().args().get(1)));
            }
            default:
                return null;
        }
    }

    private static boolean isIndex(CelExpr expr) {
        return expr.call().function().equals("_[_]") && expr.call().args().size() == 2 && expr.call().target().isEmpty();
    }

    private static PathSegment indexSegment(CelExpr index) {
        if (index.getKind() == CelExpr.ExprKind.Kind.CONSTANT) {
            CelConstant constant = index.constant();
            if (constant.getKind() == CelConstant.Kind.INT64_VALUE) {
                return new PathSegment.Index((int) constant.int64Value());
            }
            if (constant.getKind() == CelConstant.Kind.STRING_VALUE) {
                return new PathSegment.Key(constant.stringValue());
            }
        }
        return new PathSegment.Every(); // a computed index: any element, or any value of a map
    }

    private int offset(CelExpr expr) {
        Integer position = ast.getSource().getPositionsMap().get(expr.id());
        return position == null ? -1 : position;
    }

    private record Chain(List<PathSegment> path, int offset) {
        Chain plus(PathSegment segment) {
            List<PathSegment> longer = new ArrayList<>(path);
            longer.add(segment);
            return new Chain(longer, offset);
        }
    }
}
