package ai.vllm.semanticrouter.engine.bench;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import ai.vllm.semanticrouter.engine.Renderer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's own composition set keeps its shape: it loads, and renders what the benchmark claims. */
class BenchInputsTest {

    @Test
    void benchmarkSetLoadsAndRendersItsShape() {
        BenchInputs inputs = BenchInputs.read();
        LoadResult loaded = CompositionLoader.create().load(inputs.sources());
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.set().resourceNames()).hasSize(10);

        RenderResult result = Renderer.create().render(loaded.set(), inputs.composite(), inputs.environment(), Map.of());

        assertThat(result.errors()).isEmpty();
        assertThat(result.resources()).extracting(RenderedResource::name)
                .containsExactly("serviceaccount", "config", "envoy-config", "pvc", "deployment", "service", "hpa",
                        "ingress", "pdb");
        assertThat(result.resources().get(1).object().at("/data/config.yaml").asText())
                .contains("vllm_endpoints:", "qwen3.team.svc.cluster.local", "similarity_threshold: 0.8");
        assertThat(result.trace()).hasSizeGreaterThan(70);
    }
}
