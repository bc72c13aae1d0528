package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.Readiness;
import ai.vllm.semanticrouter.engine.RenderError;
import ai.vllm.semanticrouter.engine.TraceEntry;
import ai.vllm.semanticrouter.engine.cel.CelBindings;
import ai.vllm.semanticrouter.engine.patch.Patch;
import ai.vllm.semanticrouter.engine.path.FieldWriter;
import ai.vllm.semanticrouter.engine.path.WriteMode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders one template: condition, base, patches, serializations, readiness. */
public final class TemplateRenderer {
    private TemplateRenderer() {
    }

    /** The outcome for one template: skipped (condition false), an object, or an error. */
    public record Outcome(ObjectNode object, Readiness readiness, RenderError error) {
        public boolean skipped() {
            return object == null && error == null;
        }
    }

    public static Outcome render(ResourceTemplate template, JsonNode composite, JsonNode environment, JsonNode observed,
                                 Map<String, ObjectNode> rendered, ObjectNode status, List<TraceEntry> trace,
                                 CelBindings cel) {
        try {
            if (template.condition() != null
                    && !cel.holds(template.condition(), composite, environment)) {
                return new Outcome(null, null, null);
            }
        } catch (IllegalStateException e) {
            return failed(template, "condition", "", e.getMessage());
        }
        Scope scope = new Scope(template.name(), composite, environment, observed, rendered, status, trace, cel);
        JsonNode object = template.base().deepCopy();
        try {
            for (Patch patch : template.patches()) {
                object = PatchApplier.apply(patch, object, scope);
            }
        } catch (PatchFailure e) {
            return failed(template, e.patch(), e.fieldPath(), e.getMessage());
        }
        if (!object.isObject()) {
            return failed(template, "", "", "a patch replaced the object by a " + object.getNodeType());
        }
        serialize(template, object);
        return new Outcome((ObjectNode) object, template.readiness(observed), null);
    }

    private static void serialize(ResourceTemplate template, JsonNode object) {
        for (Serialization serialization : template.serializations()) {
            Optional<JsonNode> value = serialization.path().read(object);
            // text already (a patch wrote the final text, or the base holds it): leave it as written
            value.filter(v -> !v.isTextual()).ifPresent(v -> FieldWriter.write(object, serialization.path(),
                    TextNode.valueOf(Serializer.text(v, serialization.format())), WriteMode.REPLACE));
        }
    }

    private static Outcome failed(ResourceTemplate template, String patch, String field, String message) {
        return new Outcome(null, null, new RenderError(template.compositionName(), template.name(), patch, field, message));
    }
}
