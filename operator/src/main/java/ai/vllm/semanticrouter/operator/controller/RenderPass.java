package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.engine.Composition;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import ai.vllm.semanticrouter.engine.Renderer;
import ai.vllm.semanticrouter.engine.render.ResourceTemplate;
import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.ObjectKey;
import ai.vllm.semanticrouter.operator.apply.ObjectPreparation;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.functions.ClusterView;
import ai.vllm.semanticrouter.operator.functions.Environment;
import ai.vllm.semanticrouter.operator.functions.EnvironmentFunctions;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.status.ResourceReadiness;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shared path from a CR to apply intents: functions fill the environment from a
 * {@link ClusterView}, the engine renders, and each object is prepared for apply. The reconciler
 * and the {@code render} command both go through here, so they produce the same objects.
 */
public final class RenderPass {
    private volatile CompositionSet compositions;
    private final EnvironmentFunctions functions;
    private final Renderer renderer = Renderer.create().withResourceNameAnnotation(Ownership.RESOURCE_ANNOTATION);

    public RenderPass(CompositionSet compositions, ClusterView view) {
        this.compositions = compositions;
        this.functions = new EnvironmentFunctions(view);
    }

    /** Renders with {@code replacement} from now on (user compositions reloaded). */
    public void replace(CompositionSet replacement) {
        compositions = replacement;
    }

    /** The kinds the compositions can produce, in load order. */
    public List<Kind> producedKinds() {
        return compositions.producedKinds().stream().map(k -> new Kind(k.apiVersion(), k.kind())).distinct().toList();
    }

    /**
     * The kinds whose templates set {@code metadata.namespace}: their objects may live outside the
     * CR's namespace, so the inventory looks for them in every namespace.
     */
    public List<Kind> foreignKinds() {
        List<Kind> kinds = new ArrayList<>();
        for (Composition composition : compositions.compositions()) {
            for (ResourceTemplate template : composition.templates()) {
                Kind kind = new Kind(template.base().path("apiVersion").asText(), template.base().path("kind").asText());
                if (template.writes("metadata.namespace") && !kinds.contains(kind)) {
                    kinds.add(kind);
                }
            }
        }
        return kinds;
    }

    public Plan plan(JsonNode cr, Platform platform, Map<String, JsonNode> observed) {
        Environment environment = functions.compute(cr, platform);
        CompositionSet current = compositions;
        RenderResult result = renderer.render(current, cr, environment.toJson(), observed);
        List<Intent> intents = new ArrayList<>();
        for (RenderedResource resource : result.resources()) {
            intents.add(new Intent(resource, ObjectPreparation.prepare(resource.object(), cr)));
        }
        return new Plan(environment, result, List.copyOf(intents), current);
    }

    /**
     * What one CR should look like in the cluster, and the compositions it was rendered with (whose
     * readiness checks then judge the applied objects).
     */
    public record Plan(Environment environment, RenderResult result, List<Intent> intents, CompositionSet compositions) {

        /** Each intent's readiness by its template's checks on the object as it is live now. */
        public List<ResourceReadiness> readiness(Map<ObjectKey, ObjectNode> live) {
            List<ResourceReadiness> readiness = new ArrayList<>();
            for (Intent intent : intents) {
                ObjectKey key = ObjectKey.of(intent.object());
                readiness.add(new ResourceReadiness(intent.rendered().name(), key.toString(),
                        compositions.readiness(intent.rendered().name(), live.get(key))));
            }
            return readiness;
        }
    }

    /** One rendered resource and the object to apply for it. */
    public record Intent(RenderedResource rendered, ObjectNode object) {
    }
}
