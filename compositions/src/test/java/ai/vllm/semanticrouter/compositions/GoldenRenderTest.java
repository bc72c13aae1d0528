package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.engine.RenderError;
import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import ai.vllm.semanticrouter.engine.Renderer;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden renders: every sample on Kubernetes and on OpenShift. Inputs are golden/<sample>-<platform>/cr.yaml
 * (the CR as the API server stores it, CRD defaults applied) and environment.yaml; the output is compared
 * with expected.yaml. Regenerate with -Dgolden.update=true and review the diff.
 */
class GoldenRenderTest {
    static final Path GOLDEN = Resources.TEST_RESOURCES.resolve("golden");
    static final boolean UPDATE = Boolean.getBoolean("golden.update");
    static final CompositionSet SET = load();

    static CompositionSet load() {
        LoadResult result = CompositionLoader.create().loadClasspath(GoldenRenderTest.class.getClassLoader(), Resources.INDEX);
        assertThat(result.errors()).isEmpty();
        return result.set();
    }

    /** Every sample on each platform, plus the extra cases (a legacy flat-format router, ...). */
    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(d -> Files.exists(d.resolve("cr.yaml"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    static Stream<String> sampleCases() {
        List<String> cases = new ArrayList<>();
        for (String sample : Resources.SAMPLES) {
            cases.add(sample + "-kubernetes");
            cases.add(sample + "-openshift");
        }
        return cases.stream();
    }

    @Test
    void everySampleHasAGoldenCaseOnEachPlatform() {
        sampleCases().forEach(c -> assertThat(GOLDEN.resolve(c).resolve("cr.yaml")).exists());
    }

    @ParameterizedTest(name = "golden {0}")
    @MethodSource("cases")
    void renderMatchesGolden(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        JsonNode cr = Resources.yamlFile(dir.resolve("cr.yaml"));
        JsonNode environment = Resources.yamlFile(dir.resolve("environment.yaml"));
        RenderResult result = Renderer.create().render(SET, cr, environment, Map.of());
        assertThat(result.errors()).extracting(RenderError::format).isEmpty();

        StringBuilder text = new StringBuilder("# Rendered by GoldenRenderTest; regenerate with -Dgolden.update=true.\n");
        List<JsonNode> actual = new ArrayList<>();
        for (RenderedResource r : result.resources()) {
            text.append("---\n# resource: ").append(r.name()).append('\n').append(Resources.toYaml(r.object()));
            actual.add(Resources.yaml(Resources.toYaml(r.object())));
        }
        Path expectedFile = dir.resolve("expected.yaml");
        if (UPDATE) {
            Files.writeString(expectedFile, text.toString());
        }
        assertThat(expectedFile).as("%s (run with -Dgolden.update=true to create it)", expectedFile).exists();
        List<JsonNode> expected = Resources.yamlDocuments(Files.readString(expectedFile));
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).as("%s object %d (%s)", name, i, result.resources().get(i).name()).isEqualTo(expected.get(i));
        }

        checkInvariants(name, cr, environment, result);
    }

    /** What must hold for every render, whatever the golden says. */
    private static void checkInvariants(String name, JsonNode cr, JsonNode env, RenderResult result) {
        String instance = cr.at("/metadata/name").asText();
        String platform = env.at("/platform").asText();
        boolean standalone = "standalone".equals(env.at("/gatewayMode").asText());
        for (RenderedResource r : result.resources()) {
            JsonNode labels = r.object().at("/metadata/labels");
            assertThat(labels.path("app.kubernetes.io/name").asText()).as("%s %s", name, r.name()).isEqualTo("semantic-router");
            assertThat(labels.path("app.kubernetes.io/instance").asText()).as("%s %s", name, r.name()).isEqualTo(instance);
            assertThat(labels.path("app.kubernetes.io/managed-by").asText()).as("%s %s", name, r.name()).isEqualTo("semantic-router-operator");
            assertThat(labels.path("app.kubernetes.io/component").asText()).as("%s %s", name, r.name()).isNotEmpty();
        }
        JsonNode deployment = find(result, "deployment");
        assertThat(deployment.at("/metadata/name").asText()).isEqualTo(instance);
        assertThat(deployment.at("/spec/selector/matchLabels").size()).isEqualTo(2);
        assertThat(deployment.at("/spec/template/metadata/annotations/semanticrouter.vllm.ai~1config-hash").asText()).hasSize(64);
        boolean autoscaling = cr.at("/spec/autoscaling/enabled").asBoolean(false);
        assertThat(deployment.at("/spec/replicas").isMissingNode()).as("replicas left to the HPA").isEqualTo(autoscaling);
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(standalone ? 2 : 1);
        if (!cr.at("/spec/podSecurityContext").isObject()) {
            JsonNode pod = deployment.at("/spec/template/spec/securityContext");
            assertThat(pod.at("/runAsNonRoot").asBoolean()).isTrue();
            assertThat(pod.at("/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
            assertThat(pod.has("runAsUser")).isEqualTo("kubernetes".equals(platform));
        }
        if (!cr.at("/spec/securityContext").isObject()) {
            for (JsonNode c : containers) {
                assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
                assertThat(c.at("/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");
            }
        }
        boolean hasEnvoyPort = false;
        for (JsonNode p : find(result, "service").at("/spec/ports")) {
            hasEnvoyPort |= "envoy-http".equals(p.at("/name").asText());
        }
        assertThat(hasEnvoyPort).isEqualTo(standalone);
        assertThat(names(result).contains("envoy-config")).isEqualTo(standalone);
        // gateway objects render all or none: only once the gateway function attached the router
        boolean attached = env.at("/gateway/attached").asBoolean(false);
        assertThat(names(result).contains("httproute")).isEqualTo(attached);
        String implementation = env.at("/gateway/implementation").asText();
        assertThat(names(result).contains("envoyextensionpolicy")).isEqualTo(attached && "envoy-gateway".equals(implementation));
        assertThat(names(result).contains("envoyfilter")).isEqualTo(attached && "istio".equals(implementation));
        assertThat(names(result).contains("destinationrule")).isEqualTo(attached && "istio".equals(implementation));
        assertThat(names(result).stream().filter(n -> n.startsWith("referencegrant-")).count())
                .isEqualTo(attached ? env.at("/gateway/referenceGrants").size() : 0);
        assertThat(names(result).stream().filter(n -> n.startsWith("backendtlspolicy-")).count())
                .isEqualTo(attached && "envoy-gateway".equals(implementation) ? env.at("/gateway/backendTLS/policies").size() : 0);
        assertThat(names(result).stream().filter(n -> n.startsWith("backend-destinationrule-")).count())
                .isEqualTo(attached && "istio".equals(implementation) ? env.at("/gateway/backendTLS/destinationRules").size() : 0);
        assertThat(names(result).contains("route"))
                .isEqualTo("openshift".equals(platform) && standalone && cr.at("/spec/openshift/routes/enabled").asBoolean(false));
        assertThat(names(result).contains("ingress")).isEqualTo(standalone && cr.at("/spec/ingress/enabled").asBoolean(false));
        JsonNode config = find(result, "config");
        assertThat(config.at("/data/config.yaml").isTextual()).isTrue();
        assertThat(config.at("/data/tools_db.json").isTextual()).isTrue();
    }

    private static List<String> names(RenderResult result) {
        return result.resources().stream().map(RenderedResource::name).toList();
    }

    private static JsonNode find(RenderResult result, String name) {
        return result.resources().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no rendered " + name)).object();
    }
}
