package ai.vllm.semanticrouter.operator.golden;

import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import ai.vllm.semanticrouter.operator.functions.DiscoveryFailure;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
import ai.vllm.semanticrouter.operator.functions.models.ModelProvisioning;
import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
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
 * The compositions module renders its golden cases from a given cr.yaml and environment.yaml; this
 * keeps both equal to what the operator computes: cr.yaml is the case's sample (or its source.yaml)
 * with the CRD's defaults applied, as the API server stores it, and the {@code router} part of
 * environment.yaml is what the router-config function computes for that CR and the case's
 * endpoints, and its {@code models} part what the model-provisioning function computes. Regenerate with -Dgolden.update=true (then regenerate the compositions goldens) and
 * review the diff.
 */
class GoldenEnvironmentTest {
    private static final Path GOLDEN = Path.of("..", "compositions", "src", "test", "resources", "golden");
    private static final Path SAMPLES = Path.of("..", "compositions", "src", "main", "resources", "semanticrouter", "samples");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final CrdSchema SCHEMA = crdSchema();

    private static CrdSchema crdSchema() {
        try {
            return CrdSchema.fromCrd(YAML.readTree(Path.of("..", "compositions", "src", "main", "resources", "semanticrouter",
                    "crd", "vllm.ai_semanticrouters.yaml").toFile()), "v1alpha1");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(GOLDEN)) {
            return dirs.filter(d -> Files.exists(d.resolve("environment.yaml"))).map(d -> d.getFileName().toString())
                    .sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "environment of golden {0}")
    @MethodSource("cases")
    void routerPartIsWhatTheFunctionComputes(String name) throws IOException {
        Path dir = GOLDEN.resolve(name);
        Path crFile = dir.resolve("cr.yaml");
        ObjectNode cr = (ObjectNode) YAML.readTree(crFile.toFile());
        ObjectNode stored = storedForm(name, dir, cr);
        if (UPDATE) {
            cr.set("spec", stored.get("spec"));
            Files.writeString(crFile, header(crFile) + YAML.writeValueAsString(cr));
        }
        assertThat(cr.get("spec")).as("%s: the source CR with the CRD's defaults (regenerate with -Dgolden.update=true)", crFile)
                .isEqualTo(stored.get("spec"));
        Path file = dir.resolve("environment.yaml");
        ObjectNode environment = (ObjectNode) YAML.readTree(file.toFile());
        // through YAML text, as the file holds it (numbers read back as doubles)
        RouterConfig router = RouterConfig.of(cr, discovery(cr, environment.path("endpoints")));
        JsonNode computed = YAML.readTree(YAML.writeValueAsString(router.toJson()));
        JsonNode models = YAML.readTree(YAML.writeValueAsString(ModelProvisioning.of(cr, router).toJson()));
        if (UPDATE) {
            environment.set("router", computed);
            environment.set("models", models);
            Files.writeString(file, header(file) + YAML.writeValueAsString(environment));
        }
        assertThat(environment.path("router")).as("%s (regenerate with -Dgolden.update=true)", file).isEqualTo(computed);
        assertThat(environment.path("models")).as("%s (regenerate with -Dgolden.update=true)", file).isEqualTo(models);
    }

    /** The case's source CR (source.yaml, else its sample) as the API server stores it. */
    private static ObjectNode storedForm(String name, Path dir, JsonNode current) throws IOException {
        Path source = dir.resolve("source.yaml");
        if (!Files.exists(source)) {
            String sample = name.substring(0, name.lastIndexOf('-'));
            source = SAMPLES.resolve("vllm.ai_v1alpha1_semanticrouter_" + sample + ".yaml");
        }
        JsonNode cr = null;
        for (JsonNode doc : YAML.readValues(YAML.createParser(source.toFile()), JsonNode.class).readAll()) {
            if ("SemanticRouter".equals(doc.path("kind").asText())) {
                cr = doc;
            }
        }
        assertThat(cr).as("a SemanticRouter in %s", source).isNotNull();
        return sorted(SCHEMA.applyDefaults(cr));
    }

    /** Keys sorted at every depth, as the API server returns objects. */
    private static ObjectNode sorted(JsonNode node) {
        ObjectNode out = YAML.createObjectNode();
        java.util.List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        java.util.Collections.sort(names);
        for (String name : names) {
            out.set(name, sortedValue(node.get(name)));
        }
        return out;
    }

    private static JsonNode sortedValue(JsonNode value) {
        if (value.isObject()) {
            return sorted(value);
        }
        if (value.isArray()) {
            com.fasterxml.jackson.databind.node.ArrayNode array = YAML.createArrayNode();
            value.forEach(v -> array.add(sortedValue(v)));
            return array;
        }
        return value;
    }

    private static String header(Path file) throws IOException {
        return Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#")).reduce("", (a, b) -> a + b + "\n");
    }

    /** The discovery the golden environment describes: its endpoints resolved, the CR's others not. */
    private static DiscoveryReport discovery(JsonNode cr, JsonNode endpoints) {
        List<ResolvedEndpoint> resolved = new ArrayList<>();
        List<DiscoveryFailure> failures = new ArrayList<>();
        for (EndpointSpec spec : EndpointSpec.of(cr)) {
            JsonNode found = null;
            for (JsonNode endpoint : endpoints) {
                if (spec.name().equals(endpoint.path("name").asText())) {
                    found = endpoint;
                }
            }
            if (found == null) {
                failures.add(new DiscoveryFailure(spec, "not in the golden environment"));
            } else {
                resolved.add(new ResolvedEndpoint(spec, found.path("address").asText(), found.path("port").asInt(),
                        found.path("tls").asBoolean()));
            }
        }
        return new DiscoveryReport(resolved, failures);
    }
}
