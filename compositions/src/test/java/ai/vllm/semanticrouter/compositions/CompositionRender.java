package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.RenderError;
import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import ai.vllm.semanticrouter.engine.Renderer;
import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders a small CR, defaulted by the CRD like the API server would, with an environment written
 * for the case (what the operator's functions would supply filled in when the case leaves it out):
 * the behaviour tests read single fields of what comes out.
 */
final class CompositionRender {
    static final CompositionSet SET = CompositionLoader.create()
            .loadClasspath(CompositionRender.class.getClassLoader(), Resources.INDEX).set();
    static final CrdSchema SCHEMA = CrdSchema.fromCrd(Resources.crd(), "v1alpha1");
    static final String ENDPOINT = """
            vllmEndpoints:
              - name: e1
                model: m1
                reasoningFamily: qwen3
                backend: {type: kserve, inferenceServiceName: isvc}
            """;

    static RenderResult render(String specYaml, String environmentYaml) {
        String cr = "apiVersion: vllm.ai/v1alpha1\nkind: SemanticRouter\nmetadata: {name: r, namespace: ns}\nspec:\n"
                + specYaml.indent(2);
        ObjectNode defaulted = SCHEMA.applyDefaults(Resources.yaml(cr));
        assertThat(SCHEMA.validate(defaulted)).isEmpty();
        ObjectNode environment = (ObjectNode) Resources.yaml(environmentYaml);
        if (!environment.has("router")) {
            // what the operator's router-config function supplies for a legacy (flat-format) router
            ObjectNode router = (ObjectNode) Resources.yaml("{dialect: flat, envoy: {routes: [], clusters: []}, secretEnv: []}");
            router.set("config", defaulted.path("spec").path("config").isObject()
                    ? defaulted.path("spec").path("config").deepCopy() : router.objectNode());
            environment.set("router", router);
        }
        if (!environment.has("gateway")) {
            // what the operator's gateway function supplies in standalone mode
            environment.set("gateway", Resources.yaml("{attached: false, implementation: '', rules: [], referenceGrants: [],"
                    + " backendTLS: {policies: [], destinationRules: []}}"));
        }
        if (!environment.has("models")) {
            // what the operator's model-provisioning function supplies for the default image of a flat router
            environment.set("models", Resources.yaml("{image: 'ghcr.io/vllm-project/semantic-router/extproc:v0.4.0',"
                    + " source: HuggingFace, downloadStep: false, env: [], directories: [], volumeSize: 5Gi}"));
        }
        RenderResult result = Renderer.create().render(SET, defaulted, environment, Map.of());
        assertThat(result.errors()).extracting(RenderError::format).isEmpty();
        return result;
    }

    static RenderResult render(String specYaml) {
        return render(specYaml, """
                platform: kubernetes
                gatewayMode: standalone
                endpoints:
                  - {name: e1, model: m1, reasoningFamily: qwen3, address: isvc-predictor.ns.svc.cluster.local, port: 8443, weight: 1, type: kserve, tls: true}
                storage: {pvcAllowed: true}
                """);
    }

    static final String OPENSHIFT = """
            platform: openshift
            gatewayMode: standalone
            endpoints: []
            storage: {pvcAllowed: true}
            """;

    static Optional<JsonNode> object(RenderResult result, String name) {
        return result.resources().stream().filter(r -> r.name().equals(name)).<JsonNode>map(RenderedResource::object).findFirst();
    }

    static JsonNode pod(RenderResult result) {
        return object(result, "deployment").orElseThrow().at("/spec/template/spec");
    }


    private CompositionRender() {
    }
}
