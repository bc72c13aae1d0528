package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden folders: golden/&lt;case&gt;/{composition.yaml, composite.yaml, environment.yaml, expected.yaml}.
 * Run with -Dgolden.update=true to rewrite expected.yaml, then review the diff like code.
 */
class GoldenRenderTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "golden {0}")
    @MethodSource("cases")
    void rendersAsExpected(Path dir) throws IOException {
        LoadResult loaded = CompositionLoader.create().load(List.of(new CompositionSource(dir.getFileName() + "/composition.yaml",
                Files.readString(dir.resolve("composition.yaml")))));
        assertThat(loaded.errors()).isEmpty();
        JsonNode composite = CaseFiles.YAML.readTree(dir.resolve("composite.yaml").toFile());
        JsonNode environment = Files.exists(dir.resolve("environment.yaml"))
                ? CaseFiles.YAML.readTree(dir.resolve("environment.yaml").toFile()) : JsonNodeFactory.instance.objectNode();

        RenderResult result = Renderer.create().render(loaded.set(), composite, environment, Map.of());
        assertThat(result.errors()).isEmpty();
        StringBuilder actual = new StringBuilder();
        for (RenderedResource resource : result.resources()) {
            actual.append("---\n").append(CaseFiles.YAML.writeValueAsString(resource.object()).replaceFirst("^---\n", ""));
        }
        Path expected = dir.resolve("expected.yaml");
        if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
            Files.writeString(expected, actual.toString());
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(expected));
    }
}
