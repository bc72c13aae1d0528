package ai.vllm.semanticrouter.engine;

import ai.vllm.semanticrouter.engine.cel.CelBindings;
import ai.vllm.semanticrouter.engine.render.ResourceTemplate;
import ai.vllm.semanticrouter.engine.render.TemplateRenderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a {@link CompositionSet} against a composite resource and an environment. Pure and
 * deterministic: the same inputs give byte-identical objects, and the inputs are never mutated.
 * Thread-safe; create once and reuse.
 */
public final class Renderer {
    private final String resourceNameAnnotation;

    private Renderer(String resourceNameAnnotation) {
        this.resourceNameAnnotation = resourceNameAnnotation;
    }

    /** A renderer that adds nothing to the rendered objects. */
    public static Renderer create() {
        return new Renderer(null);
    }

    /** A renderer that stamps {@code metadata.annotations[key] = <template name>} on every object. */
    public Renderer withResourceNameAnnotation(String key) {
        return new Renderer(key);
    }

    /**
     * Renders every template whose condition holds.
     *
     * @param set                    the compiled compositions
     * @param composite              the composite resource (the CR) as a JSON tree
     * @param environment            values the caller computed (platform, discovered backends, ...)
     * @param observedByResourceName the live objects, by template name (for readiness and ToCompositeFieldPath)
     */
    public RenderResult render(CompositionSet set, JsonNode composite, JsonNode environment,
                               Map<String, JsonNode> observedByResourceName) {
        JsonNode safeEnvironment = environment == null ? JsonNodeFactory.instance.objectNode() : environment;
        Map<String, ObjectNode> rendered = new HashMap<>();
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        List<RenderedResource> resources = new ArrayList<>();
        List<TraceEntry> trace = new ArrayList<>();
        List<RenderError> errors = new ArrayList<>();
        CelBindings cel = new CelBindings();
        for (Composition composition : set.compositions()) {
            for (ResourceTemplate template : composition.templates()) {
                TemplateRenderer.Outcome outcome = TemplateRenderer.render(template, composite, safeEnvironment,
                        observedByResourceName.get(template.name()), rendered, status, trace, cel);
                if (outcome.error() != null) {
                    errors.add(outcome.error());
                } else if (!outcome.skipped()) {
                    rendered.put(template.name(), outcome.object());
                    stamp(outcome.object(), template.name());
                    resources.add(new RenderedResource(template.name(), composition.name(), outcome.object(),
                            outcome.readiness()));
                }
            }
        }
        return new RenderResult(resources, status, trace, errors);
    }

    private void stamp(ObjectNode object, String name) {
        if (resourceNameAnnotation != null) {
            ObjectNode metadata = object.with("metadata");
            metadata.with("annotations").put(resourceNameAnnotation, name);
        }
    }
}
