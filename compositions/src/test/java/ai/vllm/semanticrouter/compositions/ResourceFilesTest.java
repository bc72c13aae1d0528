package ai.vllm.semanticrouter.compositions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Shape of the resource files, checked without the engine (docs/contracts.md). */
class ResourceFilesTest {
    private static final Set<String> COMPONENTS = Set.of("router", "config", "envoy-config", "service-account", "storage",
            "autoscaling", "ingress", "route", "management-api", "httproute", "gateway-ext-proc", "reference-grant", "gateway-backend-tls", "disruption-budget",
            "service-ca");

    @Test
    void indexListsOneCompositionPerManagedResourceInRenderOrder() {
        assertThat(Resources.indexEntries()).containsExactly("serviceaccount.yaml", "config.yaml", "envoy-config.yaml",
                "pvc.yaml", "service-ca.yaml", "deployment.yaml", "service.yaml", "hpa.yaml", "ingress.yaml", "httproute.yaml",
                "envoyextensionpolicy.yaml", "envoyfilter.yaml", "referencegrant.yaml", "gateway-backend-tls.yaml", "route.yaml", "route-api.yaml", "pdb.yaml");
    }

    @Test
    void everyCompositionTargetsSemanticRouterAndLabelsItsObjects() {
        Set<String> templateNames = new HashSet<>();
        for (String file : Resources.indexEntries()) {
            JsonNode c = Resources.yaml(Resources.text(Resources.ROOT + "compositions/" + file));
            assertThat(c.at("/apiVersion").asText()).as(file).isEqualTo("compositions.vllm.ai/v1alpha1");
            assertThat(c.at("/kind").asText()).as(file).isEqualTo("Composition");
            assertThat(c.at("/spec/compositeTypeRef/apiVersion").asText()).as(file).isEqualTo("vllm.ai/v1alpha1");
            assertThat(c.at("/spec/compositeTypeRef/kind").asText()).as(file).isEqualTo("SemanticRouter");
            for (JsonNode r : c.at("/spec/resources")) {
                assertThat(templateNames.add(r.at("/name").asText())).as("unique template name in %s", file).isTrue();
                assertThat(COMPONENTS).as("component label of %s", file)
                        .contains(r.at("/base/metadata/labels/app.kubernetes.io~1component").asText());
                boolean usesCommonMetadata = false;
                for (JsonNode p : r.at("/patches")) {
                    usesCommonMetadata |= "PatchSet".equals(p.path("type").asText())
                            && "common-metadata".equals(p.path("patchSetName").asText());
                }
                assertThat(usesCommonMetadata).as("%s applies patch set common-metadata", file).isTrue();
            }
        }
        assertThat(templateNames).hasSize(28);
    }

    @Test
    void commonMetadataIsDefinedOnce() {
        int definitions = 0;
        for (String file : Resources.indexEntries()) {
            JsonNode c = Resources.yaml(Resources.text(Resources.ROOT + "compositions/" + file));
            for (JsonNode ps : c.at("/spec/patchSets")) {
                if ("common-metadata".equals(ps.at("/name").asText())) {
                    definitions++;
                }
            }
        }
        assertThat(definitions).isEqualTo(1);
    }

    @ParameterizedTest(name = "sample {0} holds one SemanticRouter")
    @MethodSource("samples")
    void sampleHoldsOnlyTheSemanticRouter(String sample) {
        List<JsonNode> docs = Resources.yamlDocuments(Resources.text(Resources.ROOT + "samples/vllm.ai_v1alpha1_semanticrouter_" + sample + ".yaml"));
        assertThat(docs).hasSize(1);
        assertThat(docs.get(0).at("/apiVersion").asText()).isEqualTo("vllm.ai/v1alpha1");
        assertThat(docs.get(0).at("/kind").asText()).isEqualTo("SemanticRouter");
    }

    static Stream<String> samples() {
        return Resources.SAMPLES.stream();
    }

    static Stream<Path> invalidCases() throws IOException {
        try (Stream<Path> files = Files.list(Resources.TEST_RESOURCES.resolve("invalid-crs"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void atLeastNineteenInvalidCases() throws IOException {
        assertThat(invalidCases().count()).isGreaterThanOrEqualTo(19);
    }

    @ParameterizedTest(name = "invalid case {0} is a complete SemanticRouter with an expectation")
    @MethodSource("invalidCases")
    void invalidCaseShape(Path file) throws IOException {
        String text = Files.readString(file);
        assertThat(file.getFileName().toString()).matches("\\d\\d-[a-z0-9-]+\\.yaml");
        assertThat(text.lines().findFirst().orElse("")).matches("# expect: spec[^|]* \\| .+");
        JsonNode cr = Resources.yaml(text);
        assertThat(cr.at("/apiVersion").asText()).isEqualTo("vllm.ai/v1alpha1");
        assertThat(cr.at("/kind").asText()).isEqualTo("SemanticRouter");
        assertThat(cr.at("/metadata/name").asText()).isNotEmpty();
    }
}
