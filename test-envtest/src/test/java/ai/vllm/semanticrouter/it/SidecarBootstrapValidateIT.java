package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.OfflineRender;
import ai.vllm.semanticrouter.it.support.RealEnvoy;
import ai.vllm.semanticrouter.it.support.Routers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code envoy --mode validate} (the sidecar's release) on every sidecar bootstrap the operator
 * renders: each sample on Kubernetes and on OpenShift, and the routers of the data-path tests (https
 * backends verified against a CA bundle, the service CA, the public roots, an opt-out, and one model
 * whose endpoints each have their own TLS). Validate
 * mode builds the listeners and clusters, TLS contexts included: a trusted CA file it cannot read,
 * a SAN matcher it does not know, or a transport socket match it refuses fails here.
 */
class SidecarBootstrapValidateIT {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final List<String> SUMMARY = new ArrayList<>();
    @TempDir
    static Path dir;

    static Stream<String[]> routers() {
        List<String[]> cases = new ArrayList<>();
        List<String> resources = new ArrayList<>();
        Routers.SAMPLES.forEach(s -> resources.add("semanticrouter/samples/vllm.ai_v1alpha1_semanticrouter_" + s + ".yaml"));
        resources.add("backend-tls/cr.yaml");
        resources.add("backend-tls/mixed-endpoints.yaml");
        resources.add("datapath/cr.yaml");
        for (String resource : resources) {
            cases.add(new String[] {resource, "kubernetes"});
            cases.add(new String[] {resource, "openshift"});
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("routers")
    void everyRenderedBootstrapIsAcceptedByEnvoy(String resource, String platform) throws Exception {
        JsonNode cr = semanticRouter(resource);
        String name = cr.path("metadata").path("name").asText();
        Path caseDir = java.nio.file.Files.createDirectories(dir.resolve(name + "-" + platform));
        JsonNode config = OfflineRender.find(OfflineRender.render(cr, platform, caseDir), "ConfigMap", name + "-envoy-config");
        if (config.isMissingNode()) {
            SUMMARY.add(name + " on " + platform + ": no sidecar (gateway mode)");
            return;
        }
        String envoyYaml = config.path("data").path("envoy.yaml").asText();
        RealEnvoy.Validation validation = RealEnvoy.validate(envoyYaml);
        SUMMARY.add(name + " on " + platform + ": " + (validation.ok() ? "accepted" : "REJECTED")
                + ", " + count(envoyYaml, "validation_context") + " verified TLS context(s)");
        assertThat(validation.ok()).as(validation.describe()).isTrue();
    }

    @AfterAll
    static void summary() {
        System.out.println("[sidecar-bootstraps] envoy " + RealEnvoy.VERSION + " --mode validate:\n  " + String.join("\n  ", SUMMARY));
    }

    private static JsonNode semanticRouter(String resource) throws Exception {
        try (InputStream in = SidecarBootstrapValidateIT.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(in).readAll()) {
                if ("SemanticRouter".equals(doc.path("kind").asText())) {
                    return doc;
                }
            }
        }
        throw new AssertionError("no SemanticRouter in " + resource);
    }

    private static int count(String text, String word) {
        return text.split(java.util.regex.Pattern.quote(word), -1).length - 1;
    }
}
