package ai.vllm.semanticrouter.engine.load;

import ai.vllm.semanticrouter.engine.CompositeType;
import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.cel.CelReference;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.path.PathSegment;
import ai.vllm.semanticrouter.engine.schema.FieldSchema;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Checks at load time that what a composition reads from its composite, or writes to it, exists in the
 * composite's CRD schema: field paths of patches and CEL references such as {@code composite.spec.x}.
 * A miss is an error naming the nearest existing path, so a typo cannot silently drop a value or a
 * whole object. Inside a ForEach over a composite list, "the composite" is an element of that list;
 * over an environment list it has no schema and is not checked. Immutable.
 */
public final class CompositeReferences {
    /** Checks nothing: loading without a composite type, or a file for another kind. */
    public static final CompositeReferences UNCHECKED = new CompositeReferences(null, null, null);

    private final String kind;
    private final FieldSchema root;
    /** What "the composite" is here (the root, or an element of a ForEach); null: not checked. */
    private final FieldSchema current;

    private CompositeReferences(String kind, FieldSchema root, FieldSchema current) {
        this.kind = kind;
        this.root = root;
        this.current = current;
    }

    /** Checks against the schema of {@code type}. */
    public static CompositeReferences of(CompositeType type) {
        FieldSchema root = type.schema().fields();
        return new CompositeReferences(type.kind(), root, root);
    }

    /**
     * The scope of a ForEach's patches over the composite list at {@code list}: each reads an element.
     * Over a JSONPath (whose matches may be elements or lists) the elements are not checked.
     */
    public CompositeReferences elementsOf(FieldPath list) {
        if (current == null || list.isJsonPath()) {
            return environmentElements();
        }
        List<PathSegment> steps = new ArrayList<>(list.segments());
        steps.add(new PathSegment.Every());
        FieldSchema.Lookup element = current.lookup(steps);
        return new CompositeReferences(kind, root, element.exists() ? element.found() : null);
    }

    /** The scope of a ForEach's patches over an environment list: what they read has no schema. */
    public CompositeReferences environmentElements() {
        return new CompositeReferences(kind, root, null);
    }

    /** A path read from the composite, e.g. {@code fromFieldPath}; {@code at} is its YAML node. */
    public void read(JsonNode at, String field, FieldPath path, Consumer<CompositionException> errors) {
        check(current, at, field, path, errors);
    }

    /** A {@code ToCompositeFieldPath} target: always the composite itself, even inside a ForEach. */
    public void written(JsonNode at, String field, FieldPath path, Consumer<CompositionException> errors) {
        check(root, at, field, path, errors);
    }

    /** Every {@code composite...} reference of a CEL expression; {@code what} names it (e.g. "condition"). */
    public void celReads(JsonNode at, String what, CelExpression expression, Consumer<CompositionException> errors) {
        if (current == null || expression == null) {
            return;
        }
        for (CelReference reference : expression.references("composite")) {
            FieldSchema.Lookup lookup = current.lookup(reference.path());
            if (!lookup.exists()) {
                String suggestion = lookup.suggestion() == null ? ""
                        : "; did you mean " + new CelReference(reference.variable(), lookup.suggestion(), 0).text() + "?";
                String position = reference.offset() < 0 ? "" : " (character " + (reference.offset() + 1) + ")";
                errors.accept(new CompositionException(at, what + " reads " + reference.text() + position + ": "
                        + kind + " " + lookup.problem() + suggestion));
            }
        }
    }

    private void check(FieldSchema scope, JsonNode at, String field, FieldPath path, Consumer<CompositionException> errors) {
        if (scope == null || path == null) {
            return;
        }
        List<PathSegment> steps = path.definiteSteps();
        FieldSchema.Lookup lookup = scope.lookup(steps);
        if (lookup.exists()) {
            return;
        }
        String element = scope.path().isEmpty() ? "" : " (an element of " + scope.path() + ")";
        String suggestion = lookup.suggestion() == null ? "" : "; did you mean " + suggested(path, steps, lookup.suggestion()) + "?";
        errors.accept(new CompositionException(at, field + " '" + path + "'" + element + ": " + kind + " "
                + lookup.problem() + suggestion));
    }

    /**
     * The path as written with each corrected name replaced in place, so that brackets, quotes and
     * JSONPath filters stay as the author wrote them.
     */
    private static String suggested(FieldPath path, List<PathSegment> steps, List<PathSegment> corrected) {
        String text = path.toString();
        int from = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof PathSegment.Key written)) {
                continue;
            }
            int at = nameAt(text, written.name(), from);
            if (at < 0) {
                return FieldPath.text(corrected);
            }
            String name = ((PathSegment.Key) corrected.get(i)).name();
            text = text.substring(0, at) + name + text.substring(at + written.name().length());
            from = at + name.length();
        }
        return text;
    }

    /** Where {@code name} occurs as a whole step of a path text, from {@code from}; -1 if it does not. */
    private static int nameAt(String text, String name, int from) {
        for (int at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
            int end = at + name.length();
            boolean starts = at == 0 || ".['\"$".indexOf(text.charAt(at - 1)) >= 0;
            boolean ends = end == text.length() || ".[]'\"".indexOf(text.charAt(end)) >= 0;
            if (starts && ends) {
                return at;
            }
        }
        return -1;
    }
}
