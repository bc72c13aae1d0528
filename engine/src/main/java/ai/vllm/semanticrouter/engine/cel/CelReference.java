package ai.vllm.semanticrouter.engine.cel;

import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.path.PathSegment;

import java.util.List;

/**
 * A field of a variable that a CEL expression reads (or tests with {@code has()}), such as
 * {@code composite.spec.persistence.size}. An element of a list or map the expression iterates
 * ({@code composite.spec.vllmEndpoints.exists(e, e.model == 'x')}) or indexes with a computed key
 * is {@code [*]}.
 *
 * @param variable the variable it starts from, e.g. {@code composite}
 * @param path     the fields below the variable
 * @param offset   0-based character offset of the reference in the expression, -1 when unknown
 */
public record CelReference(String variable, List<PathSegment> path, int offset) {

    public CelReference {
        path = List.copyOf(path);
    }

    /** As it would be written: {@code composite.spec.vllmEndpoints[*].model}. */
    public String text() {
        return path.isEmpty() ? variable : variable + "." + FieldPath.text(path);
    }
}
