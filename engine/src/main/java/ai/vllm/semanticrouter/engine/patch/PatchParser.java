package ai.vllm.semanticrouter.engine.patch;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.load.CompositeReferences;
import ai.vllm.semanticrouter.engine.load.CompositionException;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.path.FieldPathSyntaxException;
import ai.vllm.semanticrouter.engine.path.WriteMode;
import ai.vllm.semanticrouter.engine.transform.TransformChain;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads {@code patches:} entries into compiled {@link Patch}es. Every problem is reported through
 * {@code errors} and the faulty patch is dropped, so one file yields all its errors at once.
 *
 * @param origin          the file, for traces
 * @param lineOf          the line of a YAML node
 * @param patchSets       compiled patch sets by name (null when a name is unknown)
 * @param renderedBefore  templates that render before the current one (FromRenderedFieldPath targets)
 * @param composite       checks what the patches read from (and write to) the composite against its schema
 * @param errors          receives every problem
 */
public record PatchParser(String origin, Function<JsonNode, Integer> lineOf, Function<String, List<Patch>> patchSets,
                          Set<String> renderedBefore, CompositeReferences composite, Consumer<CompositionException> errors) {
    /** Compiles a list of patches; {@code patchSet} is the set they belong to, or "". */
    public List<Patch> parseAll(JsonNode patches, String patchSet) {
        List<Patch> compiled = new ArrayList<>();
        if (patches == null || patches.isNull()) {
            return compiled;
        }
        if (!patches.isArray()) {
            errors.accept(new CompositionException(patches, "'patches' must be a list"));
            return compiled;
        }
        for (JsonNode patch : patches) {
            try {
                compiled.addAll(parse(patch, patchSet));
            } catch (CompositionException e) {
                errors.accept(e);
            }
        }
        return compiled;
    }

    private List<Patch> parse(JsonNode node, String patchSet) {
        if (!node.isObject()) {
            throw new CompositionException(node, "a patch must be a mapping");
        }
        String type = node.path("type").asText("FromCompositeFieldPath");
        PatchOrigin at = new PatchOrigin(origin, lineOf.apply(node), describe(type, node), patchSet);
        CelExpression condition = condition(node.get("condition"));
        return switch (type) {
            case "FromCompositeFieldPath" -> List.of(copy(node, at, condition, Source.COMPOSITE, null));
            case "FromEnvironmentFieldPath" -> List.of(copy(node, at, condition, Source.ENVIRONMENT, null));
            case "ToCompositeFieldPath" -> List.of(copy(node, at, condition, Source.OBSERVED, null));
            case "FromRenderedFieldPath" -> List.of(copy(node, at, condition, Source.RENDERED, rendered(node)));
            case "CombineFromComposite" -> List.of(combine(node, at, condition, Source.COMPOSITE));
            case "CombineFromEnvironment" -> List.of(combine(node, at, condition, Source.ENVIRONMENT));
            case "ForEach" -> List.of(forEach(node, at, condition));
            case "PatchSet" -> patchSet(node);
            default -> throw new CompositionException(node.get("type"), "unknown patch type '" + type + "' (one of "
                    + "FromCompositeFieldPath, FromEnvironmentFieldPath, ToCompositeFieldPath, FromRenderedFieldPath, "
                    + "CombineFromComposite, CombineFromEnvironment, ForEach, PatchSet)");
        };
    }

    private Patch.Copy copy(JsonNode node, PatchOrigin at, CelExpression condition, Source source, String resource) {
        FieldPath from = path(node, "fromFieldPath", true);
        FieldPath to = path(node, "toFieldPath", true);
        if (source == Source.COMPOSITE) {
            composite.read(node.get("fromFieldPath"), "fromFieldPath", from, errors);
        } else if (source == Source.OBSERVED) {
            composite.written(node.get("toFieldPath"), "toFieldPath", to, errors);
        }
        return new Patch.Copy(at, condition, source, resource, from, to,
                TransformChain.parse(node.get("transforms"), at.description()), policy(node.get("policy")));
    }

    private Patch.Combine combine(JsonNode node, PatchOrigin at, CelExpression condition, Source source) {
        JsonNode combine = required(node, "combine");
        List<FieldPath> variables = new ArrayList<>();
        for (JsonNode variable : required(combine, "variables")) {
            FieldPath path = path(variable, "fromFieldPath", true);
            if (source == Source.COMPOSITE) {
                composite.read(variable.get("fromFieldPath"), "combine variable fromFieldPath", path, errors);
            }
            variables.add(path);
        }
        String strategy = combine.path("strategy").asText("string");
        if (!strategy.equals("string")) {
            throw new CompositionException(combine.get("strategy"), "unknown combine strategy '" + strategy + "' (string)");
        }
        JsonNode format = required(required(combine, "string"), "fmt");
        return new Patch.Combine(at, condition, source, variables, format.asText(), path(node, "toFieldPath", true),
                TransformChain.parse(node.get("transforms"), at.description()), policy(node.get("policy")));
    }

    private Patch.ForEach forEach(JsonNode node, PatchOrigin at, CelExpression condition) {
        JsonNode forEach = required(node, "forEach");
        String source = forEach.path("source").asText("Composite");
        if (!source.equals("Composite") && !source.equals("Environment")) {
            throw new CompositionException(forEach.get("source"), "forEach source must be Composite or Environment");
        }
        String mode = forEach.path("mode").asText("Array");
        if (!mode.equals("Array") && !mode.equals("Map")) {
            throw new CompositionException(forEach.get("mode"), "forEach mode must be Array or Map");
        }
        FieldPath from = path(forEach, "fromFieldPath", true);
        CompositeReferences elements;
        if (source.equals("Composite")) {
            composite.read(forEach.get("fromFieldPath"), "forEach fromFieldPath", from, errors);
            elements = composite.elementsOf(from);
        } else {
            elements = composite.environmentElements();
        }
        FieldPath key = mode.equals("Map") ? path(forEach, "keyFromFieldPath", true) : null;
        if (key != null) {
            elements.read(forEach.get("keyFromFieldPath"), "forEach keyFromFieldPath", key, errors);
        }
        JsonNode base = forEach.has("base") ? forEach.get("base") : com.fasterxml.jackson.databind.node.NullNode.getInstance();
        List<Patch> inner = new PatchParser(origin, lineOf, patchSets, renderedBefore, elements, errors)
                .parseAll(forEach.get("patches"), at.patchSet());
        return new Patch.ForEach(at, condition, source.equals("Composite") ? Source.COMPOSITE : Source.ENVIRONMENT,
                from, mode.equals("Map"), key, base, inner, path(node, "toFieldPath", true), policy(node.get("policy")));
    }

    private List<Patch> patchSet(JsonNode node) {
        String name = required(node, "patchSetName").asText();
        List<Patch> patches = patchSets.apply(name);
        if (patches == null) {
            throw new CompositionException(node.get("patchSetName"), "unknown patch set '" + name + "'");
        }
        return patches;
    }

    private String rendered(JsonNode node) {
        String resource = required(node, "resource").asText();
        if (!renderedBefore.contains(resource)) {
            throw new CompositionException(node.get("resource"), "FromRenderedFieldPath resource '" + resource
                    + "' is not a template rendered before this one (known: " + renderedBefore + ")");
        }
        return resource;
    }

    private CelExpression condition(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        CelExpression condition;
        try {
            condition = CelExpression.compile(node.asText());
        } catch (CelExpression.CelCompileException e) {
            throw new CompositionException(node, "condition does not compile: " + e.getMessage());
        }
        composite.celReads(node, "condition", condition, errors);
        return condition;
    }

    private static Policy policy(JsonNode node) {
        if (node == null || node.isNull()) {
            return Policy.DEFAULT;
        }
        String from = node.path("fromFieldPath").asText("Optional");
        if (!from.equals("Optional") && !from.equals("Required")) {
            throw new CompositionException(node.get("fromFieldPath"), "policy fromFieldPath must be Optional or Required");
        }
        String to = node.path("toFieldPath").asText("Replace");
        WriteMode mode = switch (to) {
            case "Replace" -> WriteMode.REPLACE;
            case "MergeObjects" -> WriteMode.MERGE_OBJECTS;
            case "AppendArray" -> WriteMode.APPEND_ARRAY;
            default -> throw new CompositionException(node.get("toFieldPath"),
                    "policy toFieldPath must be Replace, MergeObjects or AppendArray");
        };
        return new Policy(from.equals("Required"), mode);
    }

    static FieldPath path(JsonNode node, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new CompositionException(node, "missing '" + field + "'");
            }
            return null;
        }
        try {
            return FieldPath.parse(value.asText());
        } catch (FieldPathSyntaxException e) {
            throw new CompositionException(value, e.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new CompositionException(node, "missing '" + field + "'");
        }
        return value;
    }

    private static String describe(String type, JsonNode node) {
        String from = node.path("fromFieldPath").asText(node.path("forEach").path("fromFieldPath").asText(""));
        String to = node.path("toFieldPath").asText("");
        return type + (from.isEmpty() ? "" : " " + from) + (to.isEmpty() ? "" : " -> " + to)
                + (type.equals("PatchSet") ? " " + node.path("patchSetName").asText() : "");
    }
}
