package ai.vllm.semanticrouter.operator.functions.tls;

import ai.vllm.semanticrouter.operator.functions.Environment;
import ai.vllm.semanticrouter.operator.functions.EnvironmentFunctions;
import ai.vllm.semanticrouter.operator.functions.Objects;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backend-TLS function and what Envoy gets from it: the trust per platform and backend type,
 * the server name, the opt-outs with their field, the bundle volume, and the Envoy transport sockets
 * (validation context, SNI, SAN; one socket per endpoint when a model's endpoints differ).
 */
class BackendTlsPlanTest {
    private static final String ENDPOINTS = """
              - {name: llama, model: llama3-8b, backend: {type: kserve, inferenceServiceName: llama-3-8b}}
              - {name: external, model: gpt, backend: {type: service, service: {name: proxy, port: 443}},
                 tls: {enabled: true, serverName: llm.example.com}}
              - {name: plain, model: qwen, backend: {type: service, service: {name: qwen, port: 8000}}}
            """;

    private static Environment compute(String spec, Platform platform) {
        ObjectNode cr = Objects.yaml("metadata: {name: r, namespace: ai}\nspec:\n" + spec.indent(2));
        StaticClusterView view = StaticClusterView.of(List.of(Objects.inferenceService("ai", "llama-3-8b")));
        return new EnvironmentFunctions(view.serveGroup("serving.kserve.io")).compute(cr, platform);
    }

    @Test
    void openShiftTrustsTheServiceCaForClusterNamesAndThePublicRootsForPublicNames() {
        BackendTlsPlan plan = compute("vllmEndpoints:\n" + ENDPOINTS, Platform.OPENSHIFT).backendTls();
        assertThat(plan.backends()).extracting(BackendTlsPlan.HttpsBackend::name).containsExactly("llama", "external");
        assertThat(plan.forEndpoint("llama").orElseThrow())
                .isEqualTo(new UpstreamTls("llama-3-8b-predictor.ai.svc.cluster.local", true, TrustSource.SERVICE_CA, ""));
        assertThat(plan.forEndpoint("external").orElseThrow())
                .isEqualTo(new UpstreamTls("llm.example.com", true, TrustSource.PUBLIC_ROOTS, ""));
        assertThat(plan.forEndpoint("plain")).isEmpty();
        assertThat(plan.missingClusterCa()).isEmpty();
        assertThat(plan.toJson().toString()).isEqualTo("{\"serviceCA\":true,\"volume\":{\"name\":\"backend-ca\","
                + "\"configMap\":{\"name\":\"r-service-ca\",\"items\":[{\"key\":\"service-ca.crt\",\"path\":\"ca.crt\"}]}}}");
    }

    @Test
    void kubernetesWithoutABundleVerifiesAgainstThePublicRootsAndReportsTheClusterBackends() {
        BackendTlsPlan plan = compute("vllmEndpoints:\n" + ENDPOINTS, Platform.KUBERNETES).backendTls();
        assertThat(plan.forEndpoint("llama").orElseThrow().trust()).isEqualTo(TrustSource.PUBLIC_ROOTS);
        assertThat(plan.missingClusterCa()).extracting(BackendTlsPlan.HttpsBackend::name).containsExactly("llama");
        assertThat(plan.toJson().toString()).isEqualTo("{\"serviceCA\":false}");
    }

    @Test
    void theNamedBundleIsTrustedForEveryBackendOnEitherPlatformAndMountedFromItsSource() {
        for (Platform platform : Platform.values()) {
            BackendTlsPlan plan = compute("backendTLS: {caBundle: {secret: {name: backend-ca, key: bundle.pem}}}\n"
                    + "vllmEndpoints:\n" + ENDPOINTS, platform).backendTls();
            assertThat(plan.backends()).allSatisfy(b -> assertThat(b.tls().trust()).isEqualTo(TrustSource.CA_BUNDLE));
            assertThat(plan.toJson().toString()).isEqualTo("{\"serviceCA\":false,\"volume\":{\"name\":\"backend-ca\","
                    + "\"secret\":{\"secretName\":\"backend-ca\",\"items\":[{\"key\":\"bundle.pem\",\"path\":\"ca.crt\"}]}}}");
        }
        BackendTlsPlan fromConfigMap = compute("backendTLS: {caBundle: {configMap: {name: cas, key: ca.crt}}}\n"
                + "vllmEndpoints:\n" + ENDPOINTS, Platform.KUBERNETES).backendTls();
        assertThat(fromConfigMap.toJson().path("volume").path("configMap").path("name").asText()).isEqualTo("cas");
        assertThat(fromConfigMap.missingClusterCa()).isEmpty();
    }

    @Test
    void theOptOutsNameTheirFieldAndMountNothingWhenNoBackendIsVerified() {
        BackendTlsPlan perEndpoint = compute("""
                vllmEndpoints:
                  - {name: llama, model: llama3-8b, backend: {type: kserve, inferenceServiceName: llama-3-8b}, tls: {verify: false}}
                """, Platform.OPENSHIFT).backendTls();
        assertThat(perEndpoint.unverified()).extracting(b -> b.tls().optOut()).containsExactly("spec.vllmEndpoints[0].tls.verify");
        assertThat(perEndpoint.toJson().toString()).isEqualTo("{\"serviceCA\":false}");
        BackendTlsPlan all = compute("backendTLS: {verify: false}\nvllmEndpoints:\n" + ENDPOINTS, Platform.OPENSHIFT).backendTls();
        assertThat(all.unverified()).extracting(b -> b.tls().optOut())
                .containsExactly("spec.backendTLS.verify", "spec.backendTLS.verify");
    }

    @Test
    void envoyVerifiesTheChainAndTheServerNameOfEachHttpsCluster() {
        JsonNode clusters = compute("vllmEndpoints:\n" + ENDPOINTS, Platform.OPENSHIFT).router().envoy().clusters();
        JsonNode llama = cluster(clusters, "model_llama3_2d8b_cluster").path("transport_socket").path("typed_config");
        assertThat(llama.path("sni").asText()).isEqualTo("llama-3-8b-predictor.ai.svc.cluster.local");
        JsonNode validation = llama.path("common_tls_context").path("validation_context");
        assertThat(validation.path("trusted_ca").path("filename").asText()).isEqualTo("/etc/envoy-backend-ca/ca.crt");
        assertThat(validation.path("match_typed_subject_alt_names").toString()).isEqualTo(
                "[{\"san_type\":\"DNS\",\"matcher\":{\"exact\":\"llama-3-8b-predictor.ai.svc.cluster.local\"}}]");
        JsonNode external = cluster(clusters, "model_gpt_cluster").path("transport_socket").path("typed_config");
        assertThat(external.path("sni").asText()).isEqualTo("llm.example.com");
        assertThat(external.at("/common_tls_context/validation_context/trusted_ca/filename").asText())
                .isEqualTo("/etc/ssl/certs/ca-certificates.crt");
        assertThat(cluster(clusters, "model_qwen_cluster").has("transport_socket")).isFalse();
    }

    @Test
    void anUnverifiedBackendGetsTlsWithoutAValidationContext() {
        JsonNode clusters = compute("backendTLS: {verify: false}\nvllmEndpoints:\n" + ENDPOINTS, Platform.KUBERNETES)
                .router().envoy().clusters();
        JsonNode context = cluster(clusters, "model_llama3_2d8b_cluster").at("/transport_socket/typed_config");
        assertThat(context.path("sni").asText()).isEqualTo("llama-3-8b-predictor.ai.svc.cluster.local");
        assertThat(context.path("common_tls_context").has("validation_context")).isFalse();
    }

    @Test
    void endpointsOfOneModelWithDifferentTlsEachMatchTheirOwnTransportSocket() {
        JsonNode clusters = compute("""
                image: {tag: v0.3.0}
                vllmEndpoints:
                  - {name: a, model: m, backend: {type: service, service: {name: a, port: 8443}}, tls: {enabled: true}}
                  - {name: b, model: m, backend: {type: service, service: {name: b, port: 8443}}, tls: {enabled: true}}
                  - {name: c, model: m, backend: {type: service, service: {name: c, port: 8000}}}
                """, Platform.OPENSHIFT).router().envoy().clusters();
        JsonNode cluster = cluster(clusters, "model_m_cluster");
        assertThat(cluster.has("transport_socket")).isFalse();
        JsonNode matches = cluster.path("transport_socket_matches");
        assertThat(matches).hasSize(2);
        assertThat(matches.get(1).path("match").toString()).isEqualTo("{\"backend\":\"b\"}");
        assertThat(matches.get(1).at("/transport_socket/typed_config/sni").asText()).isEqualTo("b.ai.svc.cluster.local");
        JsonNode endpoints = cluster.at("/load_assignment/endpoints/0/lb_endpoints");
        assertThat(endpoints.get(1).at("/metadata/filter_metadata/envoy.transport_socket_match").toString())
                .isEqualTo("{\"backend\":\"b\"}");
        assertThat(endpoints.get(2).has("metadata")).isFalse();
    }

    private static JsonNode cluster(JsonNode clusters, String name) {
        for (JsonNode cluster : clusters) {
            if (name.equals(cluster.path("name").asText())) {
                return cluster;
            }
        }
        throw new AssertionError("no cluster " + name + " in " + clusters);
    }
}
