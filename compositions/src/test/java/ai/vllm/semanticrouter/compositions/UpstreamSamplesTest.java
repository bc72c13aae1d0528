package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upstream operator's sample CRs (reference data in the shared folder beside the checkout, read
 * in place, never copied) lose no field to pruning and are valid, except the mistakes of upstream's
 * own samples that its schema does not know either (the list of ../shared/tools/check-router-config).
 */
class UpstreamSamplesTest {
    private static final CrdSchema SCHEMA = CrdSchema.fromCrd(Resources.crd(), "v1alpha1");
    private static final Path UPSTREAM = Path.of("../../shared/upstream-samples");
    private static final Set<String> UPSTREAM_SAMPLE_MISTAKES = mistakes();

    static Set<String> mistakes() {
        try {
            return Set.copyOf(Files.readAllLines(Resources.TEST_RESOURCES.resolve("upstream-sample-mistakes.txt")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Stream<Path> samples() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("newest", "b7b2c27")) {
            Path dir = UPSTREAM.resolve(folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> list = Files.list(dir)) {
                    list.filter(p -> p.toString().endsWith(".yaml")).sorted().forEach(files::add);
                }
            }
        }
        return files.stream();
    }

    @ParameterizedTest(name = "upstream sample {0} loses no field", allowZeroInvocations = true) // none outside this workplace
    @MethodSource("samples")
    void everyFieldIsKnown(Path file) {
        for (JsonNode cr : routers(file)) {
            List<String> pruned = new ArrayList<>();
            prunedPaths(cr.path("spec"), SCHEMA.prune(cr).path("spec"), "spec", pruned);
            pruned.removeIf(UPSTREAM_SAMPLE_MISTAKES::contains);
            assertThat(pruned).as(file.getFileName().toString()).isEmpty();
        }
    }

    @ParameterizedTest(name = "upstream sample {0} is valid", allowZeroInvocations = true)
    @MethodSource("samples")
    void isValid(Path file) {
        for (JsonNode cr : routers(file)) {
            assertThat(SCHEMA.validate(SCHEMA.applyDefaults(SCHEMA.dropNulls(SCHEMA.prune(cr))))).as(file.getFileName().toString()).isEmpty();
        }
    }

    private static List<JsonNode> routers(Path file) {
        try {
            return Resources.yamlDocuments(Files.readString(file)).stream()
                    .filter(d -> "SemanticRouter".equals(d.path("kind").asText())).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Paths in original that pruning removed; list items are named [] as the checker names them. */
    private static void prunedPaths(JsonNode original, JsonNode pruned, String path, List<String> out) {
        if (original.isObject()) {
            original.fields().forEachRemaining(e -> {
                String child = path + "." + e.getKey();
                if (!pruned.has(e.getKey())) {
                    out.add(child);
                } else {
                    prunedPaths(e.getValue(), pruned.get(e.getKey()), child, out);
                }
            });
        } else if (original.isArray()) {
            for (int i = 0; i < original.size(); i++) {
                prunedPaths(original.get(i), pruned.path(i), path + "[]", out);
            }
        }
    }
}
