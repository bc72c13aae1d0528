package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden folders: golden/&lt;case&gt;/{composition.yaml or composition-*.yaml, composite.yaml, environment.yaml,
 * optional observed.yaml (observed objects by template name), expected.yaml}. With observed objects, the
 * status patch and each object's readiness are appended to expected.yaml as comments.
 * Run with -Dgolden.update=true to rewrite expected.yaml, then review the diff like code.
 */
class GoldenRenderTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    /** composition.yaml, or several composition-*.yaml files loaded in name order (one set). */
    private static List<CompositionSource> compositions(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<CompositionSource> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("composition")).sorted().toList()) {
                sources.add(new CompositionSource(dir.getFileName() + "/" + file.getFileName(), Files.readString(file)));
            }
            return sources;
        }
    }

    @ParameterizedTest(name = "golden {0}")
    @MethodSource("cases")
    void rendersAsExpected(Path dir) throws IOException {
        LoadResult loaded = CompositionLoader.create().load(compositions(dir));
        assertThat(loaded.errors()).isEmpty();
        JsonNode composite = CaseFiles.YAML.readTree(dir.resolve("composite.yaml").toFile());
        JsonNode environment = Files.exists(dir.resolve("environment.yaml"))
                ? CaseFiles.YAML.readTree(dir.resolve("environment.yaml").toFile()) : JsonNodeFactory.instance.objectNode();

        Map<String, JsonNode> observed = new TreeMap<>();
        if (Files.exists(dir.resolve("observed.yaml"))) {
            CaseFiles.YAML.readTree(dir.resolve("observed.yaml").toFile()).fields()
                    .forEachRemaining(e -> observed.put(e.getKey(), e.getValue()));
        }
        RenderResult result = Renderer.create().render(loaded.set(), composite, environment, observed);
        assertThat(result.errors()).isEmpty();
        StringBuilder actual = new StringBuilder();
        for (RenderedResource resource : result.resources()) {
            actual.append("---\n").append(CaseFiles.YAML.writeValueAsString(resource.object()).replaceFirst("^---\n", ""));
        }
        if (!observed.isEmpty()) {
            actual.append("# status patch: ").append(result.compositeStatusPatch()).append('\n');
            result.resources().forEach(r -> actual.append("# readiness ").append(r.name()).append(": ")
                    .append(r.readiness()).append('\n'));
        }
        Path expected = dir.resolve("expected.yaml");
        if (Boolean.getBoolean("golden.update") || !Files.exists(expected)) {
            Files.writeString(expected, actual.toString());
        }
        assertThat(actual.toString()).isEqualTo(Files.readString(expected));
    }
}
