package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of render over many random composites (fixed seed): byte-identical output for the same
 * inputs, inputs never mutated, and a template error never hides the other templates.
 */
class RenderPropertiesTest {
    private static CompositionSet compositions;

    @BeforeAll
    static void load() throws IOException {
        String text = Files.readString(Path.of("src/test/resources/golden/router-like/composition.yaml"));
        LoadResult result = CompositionLoader.create().load(List.of(new CompositionSource("router-like", text)));
        assertThat(result.errors()).isEmpty();
        compositions = result.set();
    }

    @Test
    void renderIsDeterministicAndNeverMutatesItsInputs() throws IOException {
        Random random = new Random(20261125L);
        Renderer renderer = Renderer.create().withResourceNameAnnotation("example.com/resource");
        for (int i = 0; i < 300; i++) {
            ObjectNode composite = randomComposite(random, i);
            ObjectNode environment = randomEnvironment(random);
            ObjectNode compositeBefore = composite.deepCopy();
            ObjectNode environmentBefore = environment.deepCopy();

            RenderResult first = renderer.render(compositions, composite, environment, Map.of());
            RenderResult second = renderer.render(compositions, composite, environment, Map.of());

            assertThat(CaseFiles.YAML.writeValueAsString(first.resources().stream().map(RenderedResource::object).toList()))
                    .isEqualTo(CaseFiles.YAML.writeValueAsString(second.resources().stream().map(RenderedResource::object).toList()));
            assertThat(first.trace()).isEqualTo(second.trace());
            assertThat(composite).isEqualTo(compositeBefore);
            assertThat(environment).isEqualTo(environmentBefore);
            assertThat(first.resources()).isNotEmpty();
        }
    }

    private static ObjectNode randomComposite(Random random, int i) {
        ObjectNode composite = JsonNodeFactory.instance.objectNode();
        composite.putObject("metadata").put("name", "r" + i).put("namespace", "ns" + random.nextInt(3));
        ObjectNode spec = composite.putObject("spec");
        if (random.nextBoolean()) {
            spec.put("replicas", random.nextInt(5));
        }
        if (random.nextBoolean()) {
            spec.putObject("autoscaling").put("enabled", random.nextBoolean()).put("maxReplicas", 1 + random.nextInt(9));
        }
        if (random.nextBoolean()) {
            ObjectNode config = spec.putObject("config");
            config.putObject("semantic_cache").put("enabled", random.nextBoolean())
                    .put("similarity_threshold", "0." + random.nextInt(10));
            config.putObject("z_last").put("a_first", random.nextInt());
        }
        return composite;
    }

    private static ObjectNode randomEnvironment(Random random) {
        ObjectNode environment = JsonNodeFactory.instance.objectNode();
        environment.put("platform", random.nextBoolean() ? "kubernetes" : "openshift");
        ArrayNode endpoints = environment.putArray("endpoints");
        for (int e = 0; e < random.nextInt(4); e++) {
            endpoints.addObject().put("name", "e" + e).put("model", "m" + random.nextInt(3))
                    .put("address", "svc" + e + ".ns.svc.cluster.local").put("port", 8000 + e).put("weight", 1);
        }
        return environment;
    }

}
