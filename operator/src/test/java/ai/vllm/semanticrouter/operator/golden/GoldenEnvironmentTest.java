package ai.vllm.semanticrouter.operator.golden;

import ai.vllm.semanticrouter.operator.functions.DiscoveryFailure;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
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
 * The compositions module renders its golden cases from a given environment.yaml; this keeps the
 * {@code router} part of those files equal to what the operator's router-config function computes
 * for the case's CR and endpoints. Regenerate with -Dgolden.update=true (then regenerate the
 * compositions goldens) and review the diff.
 */
class GoldenEnvironmentTest {
    private static final Path GOLDEN = Path.of("..", "compositions", "src", "test", "resources", "golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .build();

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
        JsonNode cr = YAML.readTree(dir.resolve("cr.yaml").toFile());
        Path file = dir.resolve("environment.yaml");
        ObjectNode environment = (ObjectNode) YAML.readTree(file.toFile());
        JsonNode computed = RouterConfig.of(cr, discovery(cr, environment.path("endpoints"))).toJson();
        if (UPDATE) {
            String header = Files.readAllLines(file).stream().takeWhile(l -> l.startsWith("#"))
                    .reduce("", (a, b) -> a + b + "\n");
            environment.set("router", computed);
            Files.writeString(file, header + YAML.writeValueAsString(environment));
        }
        assertThat(environment.path("router")).as("%s (regenerate with -Dgolden.update=true)", file).isEqualTo(computed);
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
