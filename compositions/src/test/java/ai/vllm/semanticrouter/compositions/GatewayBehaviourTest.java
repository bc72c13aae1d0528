package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static ai.vllm.semanticrouter.compositions.CompositionRender.ENDPOINT;
import static ai.vllm.semanticrouter.compositions.CompositionRender.object;
import static ai.vllm.semanticrouter.compositions.CompositionRender.pod;
import static ai.vllm.semanticrouter.compositions.CompositionRender.render;
import static org.assertj.core.api.Assertions.assertThat;

/** Gateway mode: no sidecar, and the gateway objects per implementation once the gateway function attached the router. */
class GatewayBehaviourTest {
    @Test
    void gatewayModeDropsEnvoyAndRendersNoGatewayObjectUntilAttached() {
        RenderResult r = render(ENDPOINT + "gateway: {existingRef: {name: gw, namespace: gw-ns}}\n", """
                platform: kubernetes
                gatewayMode: gateway-integration
                endpoints: []
                storage: {pvcAllowed: true}
                gateway: {attached: false, implementation: istio, rules: [], referenceGrants: [],
                          backendTLS: {policies: [], destinationRules: []}}
                """);
        assertThat(object(r, "envoy-config")).isEmpty();
        assertThat(pod(r).at("/containers").size()).isEqualTo(1);
        assertThat(pod(r).at("/volumes").toString()).doesNotContain("envoy");
        assertThat(r.resources()).extracting(RenderedResource::name)
                .doesNotContain("httproute", "envoyfilter", "destinationrule", "envoyextensionpolicy", "referencegrant-0");
    }

    @Test
    void istioGatewayGetsTheExtProcFilterInItsNamespaceAndTheRoutes() {
        RenderResult r = render(ENDPOINT + "gateway: {existingRef: {name: gw, namespace: gw-ns}}\n", GATEWAY_ENVIRONMENT
                .replace("IMPLEMENTATION", "istio"));
        JsonNode route = object(r, "httproute").orElseThrow();
        assertThat(route.at("/spec/parentRefs/0/name").asText()).isEqualTo("gw");
        assertThat(route.at("/spec/parentRefs/0/namespace").asText()).isEqualTo("gw-ns");
        assertThat(route.at("/spec/rules/0/matches/0/headers/0/value").asText()).isEqualTo("m");
        JsonNode filter = object(r, "envoyfilter").orElseThrow();
        assertThat(filter.at("/metadata/namespace").asText()).isEqualTo("gw-ns");
        assertThat(filter.at("/metadata/name").asText()).isEqualTo("semantic-router-ns-r");
        assertThat(filter.at("/spec/workloadSelector/labels/gateway.networking.k8s.io~1gateway-name").asText()).isEqualTo("gw");
        JsonNode extProc = filter.at("/spec/configPatches/0/patch/value/typed_config");
        assertThat(extProc.at("/grpc_service/envoy_grpc/cluster_name").asText()).isEqualTo("outbound|50051||r.ns.svc.cluster.local");
        assertThat(extProc.at("/failure_mode_allow").asBoolean()).isFalse();
        assertThat(extProc.at("/message_timeout").asText()).isEqualTo("60s");
        assertThat(extProc.at("/processing_mode/request_body_mode").asText()).isEqualTo("BUFFERED");
        assertThat(object(r, "destinationrule").orElseThrow().at("/spec/host").asText()).isEqualTo("r.ns.svc.cluster.local");
        assertThat(object(r, "envoyextensionpolicy")).isEmpty();
        JsonNode grant = object(r, "referencegrant-0").orElseThrow();
        assertThat(grant.at("/metadata/namespace").asText()).isEqualTo("models");
        assertThat(grant.at("/spec/to/0/name").asText()).isEqualTo("vllm");
        assertThat(object(r, "referencegrant-1")).isEmpty();
        JsonNode backendRule = object(r, "backend-destinationrule-0").orElseThrow();
        assertThat(backendRule.at("/metadata/name").asText()).isEqualTo("r-backend-tls-0");
        assertThat(backendRule.at("/spec/trafficPolicy/tls/mode").asText()).isEqualTo("SIMPLE");
        assertThat(object(r, "backendtlspolicy-0")).isEmpty();
    }

    @Test
    void envoyGatewayGetsAnExtensionPolicyOnTheRoute() {
        RenderResult r = render(ENDPOINT + "gateway: {existingRef: {name: gw, namespace: gw-ns}}\n", GATEWAY_ENVIRONMENT
                .replace("IMPLEMENTATION", "envoy-gateway"));
        JsonNode policy = object(r, "envoyextensionpolicy").orElseThrow();
        assertThat(policy.at("/metadata/name").asText()).isEqualTo("r");
        assertThat(policy.at("/spec/targetRefs/0/kind").asText()).isEqualTo("HTTPRoute");
        assertThat(policy.at("/spec/targetRefs/0/name").asText()).isEqualTo("r");
        JsonNode extProc = policy.at("/spec/extProc/0");
        assertThat(extProc.at("/backendRefs/0/name").asText()).isEqualTo("r");
        assertThat(extProc.at("/backendRefs/0/port").asInt()).isEqualTo(50051);
        assertThat(extProc.at("/processingMode/request/body").asText()).isEqualTo("Buffered");
        assertThat(extProc.at("/failOpen").asBoolean()).isFalse();
        assertThat(extProc.at("/messageTimeout").asText()).isEqualTo("60s");
        assertThat(object(r, "envoyfilter")).isEmpty();
        assertThat(object(r, "destinationrule")).isEmpty();
        assertThat(object(r, "httproute")).isPresent();
        JsonNode tls = object(r, "backendtlspolicy-0").orElseThrow();
        assertThat(tls.at("/spec/targetRefs/0/name").asText()).isEqualTo("vllm");
        assertThat(tls.at("/spec/validation/hostname").asText()).isEqualTo("vllm.models.svc.cluster.local");
        assertThat(object(r, "backend-destinationrule-0")).isEmpty();
    }

    private static final String GATEWAY_ENVIRONMENT = """
            platform: kubernetes
            gatewayMode: gateway-integration
            endpoints: []
            storage: {pvcAllowed: true}
            gateway:
              attached: true
              implementation: IMPLEMENTATION
              name: gw
              namespace: gw-ns
              extProc: {service: r, host: r.ns.svc.cluster.local, port: 50051,
                        istioCluster: "outbound|50051||r.ns.svc.cluster.local", failOpen: false, messageTimeout: 60s}
              rules:
                - matches: [{path: {type: PathPrefix, value: /}, headers: [{type: Exact, name: x-selected-model, value: m}]}]
                  backendRefs: [{group: "", kind: Service, name: vllm, namespace: models, port: 8000, weight: 1}]
                - matches: [{path: {type: PathPrefix, value: /}}]
                  backendRefs: [{group: "", kind: Service, name: vllm, namespace: models, port: 8000, weight: 1}]
              referenceGrants:
                - namespace: models
                  from: [{group: gateway.networking.k8s.io, kind: HTTPRoute, namespace: ns}]
                  to: [{group: "", kind: Service, name: vllm}]
              backendTLS:
                policies: [{service: vllm, validation: {hostname: vllm.models.svc.cluster.local, wellKnownCACertificates: System}}]
                destinationRules: [{host: vllm.models.svc.cluster.local,
                                    tls: {mode: SIMPLE, sni: vllm.models.svc.cluster.local, subjectAltNames: [vllm.models.svc.cluster.local]}}]
            """;

}
