package ai.vllm.semanticrouter.operator.crd;

import ai.vllm.semanticrouter.operator.functions.Objects;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** spec.backendTLS and vllmEndpoints[].tls: the invalid cases refused offline as the API server does, the defaults. */
class BackendTlsAdmissionTest {
    private static final CrAdmission ADMISSION = CrAdmission.fromClasspath();
    private static final Path INVALID = Path.of("../compositions/src/test/resources/invalid-crs");

    @ParameterizedTest
    @ValueSource(strings = {"43-ca-bundle-configmap-and-secret.yaml", "44-ca-bundle-needs-name.yaml",
            "45-kserve-tls-cannot-be-disabled.yaml", "46-server-name-needs-tls.yaml"})
    void invalidCaseIsRefusedWithItsFieldAndMessage(String file) throws IOException {
        String text = Files.readString(INVALID.resolve(file));
        String[] expect = text.lines().findFirst().orElseThrow().substring("# expect:".length()).split("\\|", 2);
        CrAdmission.Admitted admitted = ADMISSION.admit(Objects.yaml(text));
        assertThat(admitted.violations()).as(file)
                .anySatisfy(v -> {
                    assertThat(v.fieldPath()).isEqualTo(expect[0].trim());
                    assertThat(v.message()).contains(expect[1].trim());
                });
    }

    @Test
    void verifyDefaultsToTrueAndTheBundleKeyToCaCrt() {
        CrAdmission.Admitted admitted = ADMISSION.admit(Objects.yaml("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo}
                spec:
                  backendTLS:
                    caBundle:
                      configMap: {name: backend-ca}
                  vllmEndpoints:
                    - name: e1
                      model: m1
                      backend: {type: service, service: {name: vllm, port: 8443}}
                      tls: {enabled: true, serverName: vllm.example.com}
                """));
        assertThat(admitted.violations()).isEmpty();
        assertThat(admitted.cr().at("/spec/backendTLS/verify").asBoolean()).isTrue();
        assertThat(admitted.cr().at("/spec/backendTLS/caBundle/configMap/key").asText()).isEqualTo("ca.crt");
        assertThat(admitted.cr().at("/spec/vllmEndpoints/0/tls/verify").asBoolean()).isTrue();
    }
}
