package ai.vllm.semanticrouter.operator.functions.gateway;

import ai.vllm.semanticrouter.operator.functions.BackendDiscovery;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static ai.vllm.semanticrouter.operator.functions.Objects.service;
import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The Gateway's TLS to https backends per implementation and trust, and what it cannot be configured for. */
class GatewayBackendTlsTest {
    private static final String CR = """
            metadata: {name: r, namespace: ns}
            spec:
              backendTLS: %s
              vllmEndpoints:
                - {name: a, model: m, backend: {type: service, service: {name: vllm-a, port: 8443}}, tls: %s}
            """;

    @Test
    void envoyGatewayTakesAConfigMapCaOrTheSystemRootsForAPublicName() {
        GatewayBackendTls tls = of(GatewayImplementation.ENVOY_GATEWAY, "{caBundle: {configMap: {name: ca, key: ca.crt}}}",
                "{enabled: true}", "gw-ns");
        assertThat(tls.toJson().at("/policies/0/service").asText()).isEqualTo("vllm-a");
        assertThat(tls.toJson().at("/policies/0/validation/hostname").asText()).isEqualTo("vllm-a.ns.svc.cluster.local");
        assertThat(tls.toJson().at("/policies/0/validation/caCertificateRefs/0/name").asText()).isEqualTo("ca");
        assertThat(tls.configured()).singleElement().asString().contains("a (vllm-a.ns.svc.cluster.local:8443)");
        GatewayBackendTls publicName = of(GatewayImplementation.ENVOY_GATEWAY, "{}",
                "{enabled: true, serverName: models.example.com}", "gw-ns");
        assertThat(publicName.toJson().at("/policies/0/validation/wellKnownCACertificates").asText()).isEqualTo("System");
    }

    @Test
    void envoyGatewayCannotTakeASecretAClusterCaWithoutBundleOrAnOptOut() {
        assertThat(of(GatewayImplementation.ENVOY_GATEWAY, "{caBundle: {secret: {name: ca}}}", "{enabled: true}", "gw-ns")
                .notConfigured()).singleElement().asString().contains("key ca.crt of a ConfigMap", "Secret ca");
        assertThat(of(GatewayImplementation.ENVOY_GATEWAY, "{}", "{enabled: true}", "gw-ns").notConfigured()).hasSize(1);
        GatewayBackendTls optOut = of(GatewayImplementation.ENVOY_GATEWAY, "{}", "{enabled: true, verify: false}", "gw-ns");
        assertThat(optOut.notConfigured()).singleElement().asString().contains("always verifies", "tls.verify is false");
        assertThat(optOut.toJson().path("policies").size()).isZero();
    }

    @Test
    void istioTakesASecretCaBesideTheGatewayAndSkipsVerificationOnlyWhenTheCrSaysSo() {
        GatewayBackendTls secret = of(GatewayImplementation.ISTIO, "{caBundle: {secret: {name: ca}}}", "{enabled: true}", "ns");
        assertThat(secret.toJson().at("/destinationRules/0/host").asText()).isEqualTo("vllm-a.ns.svc.cluster.local");
        assertThat(secret.toJson().at("/destinationRules/0/tls/mode").asText()).isEqualTo("SIMPLE");
        assertThat(secret.toJson().at("/destinationRules/0/tls/credentialName").asText()).isEqualTo("ca");
        assertThat(secret.toJson().at("/destinationRules/0/tls/subjectAltNames/0").asText()).isEqualTo("vllm-a.ns.svc.cluster.local");
        assertThat(of(GatewayImplementation.ISTIO, "{caBundle: {secret: {name: ca}}}", "{enabled: true}", "gw-ns")
                .notConfigured()).singleElement().asString().contains("Secret in its own namespace");
        GatewayBackendTls optOut = of(GatewayImplementation.ISTIO, "{}", "{enabled: true, verify: false}", "gw-ns");
        assertThat(optOut.toJson().at("/destinationRules/0/tls/insecureSkipVerify").asBoolean()).isTrue();
        assertThat(optOut.unverified()).singleElement().asString().contains("spec.vllmEndpoints[0].tls.verify is false");
    }

    private static GatewayBackendTls of(GatewayImplementation implementation, String backendTls, String tls, String gatewayNamespace) {
        ObjectNode cr = yaml(CR.formatted(backendTls, tls));
        StaticClusterView view = new StaticClusterView().put(service("ns", "vllm-a", "app: a", 8443));
        DiscoveryReport discovery = new BackendDiscovery(view).discover(cr);
        return GatewayBackendTls.of(implementation, "ns", gatewayNamespace, BackendTlsPlan.of(cr, Platform.KUBERNETES, discovery),
                discovery);
    }
}
