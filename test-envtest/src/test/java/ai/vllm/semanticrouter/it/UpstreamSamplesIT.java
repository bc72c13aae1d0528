package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Kubectl;
import ai.vllm.semanticrouter.it.support.Routers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The newest upstream operator's samples (reference data in ../shared, read in place) pass
 * server-side apply with strict field validation on the real API server: no field is unknown to
 * our CRD, except the mistakes of upstream's own samples that its schema does not know either.
 */
class UpstreamSamplesIT {
    private static final Path NEWEST = Path.of("../../shared/upstream-samples/newest");
    /** Fields upstream's samples write that upstream's CRD does not have (shared with UpstreamSamplesTest). */
    private static final List<String> UPSTREAM_SAMPLE_MISTAKES = mistakes();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ApiServer API = ApiServer.shared();
    private static String namespace;

    @BeforeAll
    static void installCrd() {
        Routers.installCrd(API.client());
        namespace = API.newNamespace("upstream");
    }

    static Stream<Path> samples() throws IOException {
        if (!Files.isDirectory(NEWEST)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(NEWEST)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "strict server-side apply of upstream {0}", allowZeroInvocations = true) // reference data may be absent
    @MethodSource("samples")
    void appliesWithStrictFieldValidation(Path file) throws IOException {
        List<String> documents = new ArrayList<>();
        for (JsonNode doc : YAML.readValues(YAML.createParser(file.toFile()), JsonNode.class).readAll()) {
            if ("SemanticRouter".equals(doc.path("kind").asText())) {
                ObjectNode cr = (ObjectNode) doc;
                ((ObjectNode) cr.path("metadata")).put("namespace", namespace);
                UPSTREAM_SAMPLE_MISTAKES.forEach(path -> remove(cr, path.split("\\.")));
                dropNulls(cr); // a field written with no value: create drops it, server-side apply refuses it
                documents.add(YAML.writeValueAsString(cr));
            }
        }
        assertThat(documents).as("SemanticRouters in " + file).isNotEmpty();
        Path input = Files.createTempFile("upstream-", ".yaml");
        Files.writeString(input, String.join("\n", documents));
        String out = new Kubectl(API.server().kubeConfigFile()).run("apply", "--server-side", "--dry-run=server",
                "--validate=strict", "--field-manager=upstream-samples-it", "-f", input.toString());
        assertThat(out).as(file.getFileName().toString()).contains("serverside-applied");
    }

    private static void dropNulls(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name).isNull()) {
                    object.remove(name);
                } else {
                    dropNulls(object.get(name));
                }
            }
        } else if (node.isArray()) {
            node.forEach(UpstreamSamplesIT::dropNulls);
        }
    }

    private static List<String> mistakes() {
        try {
            return Files.readAllLines(Path.of("../compositions/src/test/resources/upstream-sample-mistakes.txt")).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Removes {@code path} (segments; "x[]" walks every element of array x) where present. */
    private static void remove(JsonNode node, String[] path) {
        if (path.length == 1) {
            if (node instanceof ObjectNode object) {
                object.remove(path[0]);
            }
            return;
        }
        String head = path[0];
        String[] rest = java.util.Arrays.copyOfRange(path, 1, path.length);
        if (head.endsWith("[]")) {
            node.path(head.substring(0, head.length() - 2)).forEach(element -> remove(element, rest));
        } else {
            remove(node.path(head), rest);
        }
    }
}
