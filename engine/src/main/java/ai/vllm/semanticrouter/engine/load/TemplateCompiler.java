package ai.vllm.semanticrouter.engine.load;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.patch.PatchParser;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.path.FieldPathSyntaxException;
import ai.vllm.semanticrouter.engine.render.ReadinessCheck;
import ai.vllm.semanticrouter.engine.render.ResourceTemplate;
import ai.vllm.semanticrouter.engine.render.Serialization;
import ai.vllm.semanticrouter.engine.render.Serializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Compiles one {@code resources:} entry; problems go to {@code errors} and compilation goes on. */
public record TemplateCompiler(String compositionName, String origin, LocatedYaml yaml, PatchParser patches,
                               ErrorSink errors) {

    /** The compiled template, or null when it has errors (they were reported). */
    public ResourceTemplate compile(JsonNode node) {
        int before = errors.count();
        String name = node.path("name").asText("");
        if (name.isEmpty()) {
            report(new CompositionException(node, "a resource template needs a 'name'"));
        }
        JsonNode base = node.get("base");
        if (base == null || !base.isObject() || !base.path("apiVersion").isTextual() || !base.path("kind").isTextual()) {
            report(new CompositionException(base == null ? node : base, "'base' must be an object with apiVersion and kind"));
        }
        CelExpression condition = condition(node.get("condition"));
        var compiled = patches.parseAll(node.get("patches"), "");
        List<Serialization> serializations = serializations(node.get("serialize"));
        List<ReadinessCheck> checks = readinessChecks(node.get("readinessChecks"));
        if (errors.count() != before) {
            return null;
        }
        return new ResourceTemplate(name, compositionName, origin, yaml.locate(node)[0], condition,
                ((ObjectNode) base).deepCopy(), compiled, serializations, checks);
    }

    private void report(CompositionException e) {
        errors.accept(e);
    }

    private CelExpression condition(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            CelExpression condition = CelExpression.compile(node.asText());
            patches.composite().celReads(node, "condition", condition, errors);
            return condition;
        } catch (CelExpression.CelCompileException e) {
            report(new CompositionException(node, "condition does not compile: " + e.getMessage()));
            return null;
        }
    }

    private List<Serialization> serializations(JsonNode node) {
        List<Serialization> list = new ArrayList<>();
        if (node == null || node.isNull()) {
            return list;
        }
        for (JsonNode entry : node) {
            String format = entry.path("format").asText("yaml");
            if (!Serializer.knownFormat(format)) {
                report(new CompositionException(entry.path("format"), "unknown serialize format '" + format
                        + "' (yaml, json or json-compact)"));
                continue;
            }
            FieldPath path = path(entry, "fieldPath");
            if (path != null) {
                list.add(new Serialization(path, format));
            }
        }
        return list;
    }

    private List<ReadinessCheck> readinessChecks(JsonNode node) {
        List<ReadinessCheck> checks = new ArrayList<>();
        if (node == null || node.isNull()) {
            return checks;
        }
        for (JsonNode entry : node) {
            ReadinessCheck check = readinessCheck(entry);
            if (check != null) {
                checks.add(check);
            }
        }
        return checks;
    }

    private ReadinessCheck readinessCheck(JsonNode entry) {
        String type = entry.path("type").asText("");
        switch (type) {
            case "MatchCondition":
                return new ReadinessCheck.MatchCondition(entry.path("matchCondition").path("type").asText("Ready"),
                        entry.path("matchCondition").path("status").asText("True"));
            case "MatchString":
                FieldPath stringPath = path(entry, "fieldPath");
                return stringPath == null ? null : new ReadinessCheck.MatchString(stringPath, entry.path("matchString").asText());
            case "MatchInteger":
                FieldPath integerPath = path(entry, "fieldPath");
                return integerPath == null ? null : new ReadinessCheck.MatchInteger(integerPath, entry.path("matchInteger").asLong());
            case "NonEmpty":
                FieldPath nonEmpty = path(entry, "fieldPath");
                return nonEmpty == null ? null : new ReadinessCheck.NonEmpty(nonEmpty);
            case "None":
                return new ReadinessCheck.None();
            case "CEL":
                try {
                    return new ReadinessCheck.Cel(CelExpression.compile(entry.path("expression").asText()));
                } catch (CelExpression.CelCompileException e) {
                    report(new CompositionException(entry.get("expression"), "readiness CEL does not compile: " + e.getMessage()));
                    return null;
                }
            default:
                report(new CompositionException(entry.has("type") ? entry.get("type") : entry, "unknown readiness check type '"
                        + type + "' (MatchCondition, MatchString, MatchInteger, NonEmpty, None, CEL)"));
                return null;
        }
    }

    private FieldPath path(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            report(new CompositionException(node, "missing '" + field + "'"));
            return null;
        }
        try {
            return FieldPath.parse(value.asText());
        } catch (FieldPathSyntaxException e) {
            report(new CompositionException(value, e.getMessage()));
            return null;
        }
    }
}
