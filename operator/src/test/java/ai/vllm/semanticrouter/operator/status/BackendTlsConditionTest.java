package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.Environment;
import ai.vllm.semanticrouter.operator.functions.EnvironmentFunctions;
import ai.vllm.semanticrouter.operator.functions.Objects;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** BackendTLSVerified: what is verified against what, and every backend that is not, by name and field. */
class BackendTlsConditionTest {
    private static final String KSERVE = "- {name: llama, model: llama3-8b, backend: {type: kserve, inferenceServiceName: llama-3-8b}";

    private static Condition condition(String spec, Platform platform) {
        ObjectNode cr = Objects.yaml("metadata: {name: r, namespace: ai}\nspec:\n" + spec.indent(2));
        StaticClusterView view = StaticClusterView.of(List.of(Objects.inferenceService("ai", "llama-3-8b")))
                .serveGroup("serving.kserve.io");
        Environment environment = new EnvironmentFunctions(view).compute(cr, platform);
        return BackendTlsCondition.of(environment).orElse(null);
    }

    @Test
    void verifiedAgainstTheServiceCaOnOpenShift() {
        Condition c = condition("vllmEndpoints:\n  " + KSERVE + "}", Platform.OPENSHIFT);
        assertThat(c.status()).isTrue();
        assertThat(c.reason()).isEqualTo("Verified");
        assertThat(c.message()).isEqualTo("Certificates verified (SNI and DNS subject alternative name): llama "
                + "(llama-3-8b-predictor.ai.svc.cluster.local) against the OpenShift service CA, ConfigMap r-service-ca "
                + "(key service-ca.crt)");
    }

    @Test
    void aClusterBackendOnKubernetesWithoutABundleIsReportedNotSilentlyTrusted() {
        Condition c = condition("vllmEndpoints:\n  " + KSERVE + "}", Platform.KUBERNETES);
        assertThat(c.status()).isFalse();
        assertThat(c.reason()).isEqualTo("CABundleMissing");
        assertThat(c.message()).startsWith("spec.backendTLS.caBundle is not set")
                .contains("llama (llama-3-8b-predictor.ai.svc.cluster.local:8443)")
                .contains("name the ConfigMap or Secret of their CA in spec.backendTLS.caBundle");
        Condition withBundle = condition("backendTLS: {caBundle: {configMap: {name: cas, key: ca.crt}}}\nvllmEndpoints:\n  "
                + KSERVE + "}", Platform.KUBERNETES);
        assertThat(withBundle.reason()).isEqualTo("Verified");
        assertThat(withBundle.message()).endsWith("against the CA bundle of spec.backendTLS.caBundle, ConfigMap cas (key ca.crt)");
    }

    @Test
    void theOptOutIsFalseAndNamesTheBackendAndTheField() {
        Condition c = condition("vllmEndpoints:\n  " + KSERVE + ", tls: {verify: false}}\n"
                + "  - {name: ext, model: gpt, backend: {type: service, service: {name: p, port: 443}}, "
                + "tls: {enabled: true, serverName: llm.example.com}}", Platform.OPENSHIFT);
        assertThat(c.status()).isFalse();
        assertThat(c.reason()).isEqualTo("VerificationDisabled");
        assertThat(c.message()).isEqualTo("Certificates not verified, whoever answers on these addresses receives the "
                + "requests: llama (llama-3-8b-predictor.ai.svc.cluster.local:8443, spec.vllmEndpoints[0].tls.verify is false); "
                + "verified: (SNI and DNS subject alternative name): ext (llm.example.com) against the public roots of the Envoy image");
        Condition all = condition("backendTLS: {verify: false}\nvllmEndpoints:\n  " + KSERVE + "}", Platform.KUBERNETES);
        assertThat(all.reason()).isEqualTo("VerificationDisabled");
        assertThat(all.message()).contains("spec.backendTLS.verify is false");
    }

    @Test
    void plainBackendsLegacyRoutersAndGatewayMode() {
        Condition plain = condition("vllmEndpoints:\n  - {name: q, model: q, backend: {type: service, service: {name: q, port: 80}}}",
                Platform.KUBERNETES);
        assertThat(plain.status()).isTrue();
        assertThat(plain.reason()).isEqualTo("NoHTTPSBackends");
        Condition legacy = condition("image: {tag: v0.2.0}\nvllmEndpoints:\n  " + KSERVE + "}", Platform.OPENSHIFT);
        assertThat(legacy.status()).isFalse();
        assertThat(legacy.reason()).isEqualTo("NotVerifiedByLegacySidecar");
        assertThat(condition("gateway: {existingRef: {name: gw, namespace: istio}}\nvllmEndpoints:\n  " + KSERVE + "}",
                Platform.KUBERNETES)).isNull();
    }
}
