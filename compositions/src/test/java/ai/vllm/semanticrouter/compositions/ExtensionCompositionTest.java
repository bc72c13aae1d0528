package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import ai.vllm.semanticrouter.engine.Renderer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A composition file dropped into a directory adds an object, with no Java change. */
class ExtensionCompositionTest {
    private static final Path GOLDEN = Resources.TEST_RESOURCES.resolve("golden/production-kubernetes");

    @Test
    void serviceMonitorFromATemporaryDirectory(@TempDir Path dir) throws IOException {
        Files.copy(Resources.MAIN_RESOURCES.resolve("semanticrouter/extensions/servicemonitor.yaml"), dir.resolve("servicemonitor.yaml"));
        CompositionSet base = CompositionLoader.create().loadClasspath(getClass().getClassLoader(), Resources.INDEX).set();
        LoadResult extra = CompositionLoader.create().loadDirectory(dir);
        assertThat(extra.errors()).extracting(LoadError::format).isEmpty();
        LoadResult combined = base.plus(extra.set());
        assertThat(combined.errors()).extracting(LoadError::format).isEmpty();

        ObjectNode cr = (ObjectNode) Resources.yamlFile(GOLDEN.resolve("cr.yaml"));
        JsonNode env = Resources.yamlFile(GOLDEN.resolve("environment.yaml"));
        int without = Renderer.create().render(combined.set(), cr, env, Map.of()).resources().size();

        ((ObjectNode) cr.get("spec")).putObject("extensions").putObject("serviceMonitor").put("enabled", true).put("interval", "15s");
        RenderResult with = Renderer.create().render(combined.set(), cr, env, Map.of());
        assertThat(with.errors()).isEmpty();
        assertThat(with.resources()).hasSize(without + 1);
        JsonNode monitor = with.resources().stream().filter(r -> r.name().equals("servicemonitor"))
                .map(RenderedResource::object).findFirst().orElseThrow();
        assertThat(monitor.at("/apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.at("/kind").asText()).isEqualTo("ServiceMonitor");
        assertThat(monitor.at("/metadata/name").asText()).isEqualTo("semantic-router-production-metrics");
        assertThat(monitor.at("/spec/selector/matchLabels/app.kubernetes.io~1instance").asText()).isEqualTo("semantic-router-production");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("metrics");
        assertThat(monitor.at("/spec/endpoints/0/interval").asText()).isEqualTo("15s");

        // the base set alone does not know about it
        assertThat(Renderer.create().render(base, cr, env, Map.of()).resources()).hasSize(without);
    }

    @Test
    void networkPolicyOpensEnvoyOnlyInStandaloneMode(@TempDir Path dir) throws IOException {
        Files.copy(Resources.MAIN_RESOURCES.resolve("semanticrouter/extensions/networkpolicy.yaml"), dir.resolve("networkpolicy.yaml"));
        CompositionSet base = CompositionLoader.create().loadClasspath(getClass().getClassLoader(), Resources.INDEX).set();
        LoadResult combined = base.plus(CompositionLoader.create().loadDirectory(dir).set());
        assertThat(combined.errors()).isEmpty();
        ObjectNode cr = (ObjectNode) Resources.yamlFile(GOLDEN.resolve("cr.yaml"));
        ((ObjectNode) cr.get("spec")).putObject("extensions").putObject("networkPolicy").put("enabled", true);
        ObjectNode env = (ObjectNode) Resources.yamlFile(GOLDEN.resolve("environment.yaml"));
        JsonNode policy = render(combined.set(), cr, env, "networkpolicy");
        assertThat(policy.at("/spec/ingress/0/ports").size()).isEqualTo(3);
        ((ObjectNode) cr.get("spec")).putObject("gateway").putObject("existingRef").put("name", "gw").put("namespace", "gw-ns");
        env.put("gatewayMode", "gateway-integration");
        assertThat(render(combined.set(), cr, env, "networkpolicy").at("/spec/ingress/0/ports").size()).isEqualTo(2);
    }

    private static JsonNode render(CompositionSet set, JsonNode cr, JsonNode env, String name) {
        RenderResult result = Renderer.create().render(set, cr, env, Map.of());
        assertThat(result.errors()).isEmpty();
        return result.resources().stream().filter(r -> r.name().equals(name)).map(RenderedResource::object)
                .findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }
}
