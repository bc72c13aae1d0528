package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.TraceEntry;
import ai.vllm.semanticrouter.engine.patch.Patch;
import ai.vllm.semanticrouter.engine.patch.Source;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.path.FieldWriter;
import ai.vllm.semanticrouter.engine.transform.StringTransform;
import ai.vllm.semanticrouter.engine.transform.TransformException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Applies compiled patches to an object under construction. Never mutates the scope's inputs. */
final class PatchApplier {
    private PatchApplier() {
    }

    /** Applies {@code patch} to {@code target} and returns the target (a new root when a patch writes the root). */
    static JsonNode apply(Patch patch, JsonNode target, Scope scope) {
        if (patch.condition() != null && !conditionHolds(patch, scope)) {
            return target;
        }
        try {
            if (patch instanceof Patch.Copy copy) {
                return copy(copy, target, scope);
            }
            if (patch instanceof Patch.Combine combine) {
                return combine(combine, target, scope);
            }
            return forEach((Patch.ForEach) patch, target, scope);
        } catch (TransformException | IllegalArgumentException e) {
            throw new PatchFailure(patch.origin().describe(), target(patch).toString(), e.getMessage());
        }
    }

    private static boolean conditionHolds(Patch patch, Scope scope) {
        try {
            return scope.cel().holds(patch.condition(), scope.composite(), scope.environment());
        } catch (IllegalStateException e) {
            throw new PatchFailure(patch.origin().describe(), target(patch).toString(), e.getMessage());
        }
    }

    private static FieldPath target(Patch patch) {
        if (patch instanceof Patch.Copy copy) {
            return copy.to();
        }
        return patch instanceof Patch.Combine combine ? combine.to() : ((Patch.ForEach) patch).to();
    }

    private static JsonNode copy(Patch.Copy patch, JsonNode target, Scope scope) {
        Optional<JsonNode> value = patch.from().read(source(patch.source(), patch.resource(), scope));
        if (value.isEmpty()) {
            return missing(patch, patch.policy().required(), patch.from().toString(), target);
        }
        JsonNode transformed = patch.transforms().apply(value.get());
        if (patch.source() == Source.OBSERVED) {
            FieldWriter.write(scope.status(), patch.to(), transformed.deepCopy(), patch.policy().writeMode());
            trace(scope, "(composite) " + patch.to(), patch);
            return target;
        }
        return write(patch, target, patch.to(), transformed, scope);
    }

    private static JsonNode combine(Patch.Combine patch, JsonNode target, Scope scope) {
        JsonNode from = source(patch.source(), null, scope);
        List<JsonNode> values = new ArrayList<>();
        for (FieldPath variable : patch.variables()) {
            Optional<JsonNode> value = variable.read(from);
            if (value.isEmpty()) {
                return missing(patch, patch.policy().required(), variable.toString(), target);
            }
            values.add(value.get());
        }
        JsonNode combined = TextNode.valueOf(StringTransform.format(patch.format(), values));
        return write(patch, target, patch.to(), patch.transforms().apply(combined), scope);
    }

    private static JsonNode forEach(Patch.ForEach patch, JsonNode target, Scope scope) {
        Optional<JsonNode> source = patch.from().read(source(patch.source(), null, scope));
        if (source.isEmpty()) {
            return missing(patch, patch.policy().required(), patch.from().toString(), target);
        }
        if (!source.get().isArray()) {
            throw new IllegalArgumentException("forEach needs an array at " + patch.from() + ", got " + source.get().getNodeType());
        }
        ObjectNode byKey = JsonNodeFactory.instance.objectNode();
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        for (JsonNode element : source.get()) {
            Scope inner = scope.forElement(element);
            JsonNode entry = patch.base().deepCopy();
            for (Patch elementPatch : patch.patches()) {
                entry = apply(elementPatch, entry, inner);
            }
            if (patch.mapMode()) {
                byKey.set(patch.key().read(element).map(JsonNode::asText).orElseThrow(() ->
                        new IllegalArgumentException("forEach element has no key at " + patch.key())), entry);
            } else {
                list.add(entry);
            }
        }
        return write(patch, target, patch.to(), patch.mapMode() ? byKey : list, scope);
    }

    private static JsonNode source(Source source, String resource, Scope scope) {
        return switch (source) {
            case COMPOSITE -> scope.composite();
            case ENVIRONMENT -> scope.environment();
            case OBSERVED -> scope.observed() == null ? JsonNodeFactory.instance.objectNode() : scope.observed();
            case RENDERED -> scope.rendered().getOrDefault(resource, JsonNodeFactory.instance.objectNode());
        };
    }

    private static JsonNode missing(Patch patch, boolean required, String path, JsonNode target) {
        if (required) {
            throw new PatchFailure(patch.origin().describe(), path, "required field " + path + " is missing");
        }
        return target;
    }

    private static JsonNode write(Patch patch, JsonNode target, FieldPath to, JsonNode value, Scope scope) {
        JsonNode written = FieldWriter.write(target, to, value.deepCopy(), policyOf(patch).writeMode());
        trace(scope, to.toString(), patch);
        return written;
    }

    private static ai.vllm.semanticrouter.engine.patch.Policy policyOf(Patch patch) {
        if (patch instanceof Patch.Copy copy) {
            return copy.policy();
        }
        return patch instanceof Patch.Combine combine ? combine.policy() : ((Patch.ForEach) patch).policy();
    }

    private static void trace(Scope scope, String field, Patch patch) {
        if (scope.trace() != null) {
            scope.trace().add(new TraceEntry(scope.resourceName(), field, patch.origin().origin(), patch.origin().line(),
                    patch.origin().traceLabel()));
        }
    }
}
