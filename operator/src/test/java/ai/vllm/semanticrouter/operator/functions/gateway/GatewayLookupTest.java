package ai.vllm.semanticrouter.operator.functions.gateway;

import ai.vllm.semanticrouter.operator.functions.BackendDiscovery;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import ai.vllm.semanticrouter.operator.functions.router.ModelCatalog;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static ai.vllm.semanticrouter.operator.functions.Objects.service;
import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** Which implementation serves the named Gateway, and every reason not to attach the router to it. */
class GatewayLookupTest {
    private static final String CR = """
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata: {name: r, namespace: ns}
            spec:
              gateway: {existingRef: {name: gw, namespace: gw-ns}%s}
              config: {prompt_guard: {enabled: %s}}
              vllmEndpoints:
                - {name: a, model: m1, backend: {type: service, service: {name: vllm-a, port: 8000}}}
                - {name: b, model: m2, backend: {type: service, service: {name: vllm-b, namespace: models, port: 8001}}}
            """;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"gateway.envoyproxy.io/gatewayclass-controller, envoy-gateway", "istio.io/gateway-controller, istio"})
    void theGatewayClassControllerNamesTheImplementation(String controller, String implementation) {
        GatewayAttachment attachment = attach(cr("", true), cluster(controller));
        assertThat(attachment.attached()).isTrue();
        assertThat(attachment.reason()).isEqualTo("Attached");
        assertThat(attachment.implementation().value()).isEqualTo(implementation);
        assertThat(attachment.message()).contains("gw-ns/gw", "GatewayClass \"cls\"", "2 model routes");
        JsonNode json = attachment.toJson();
        assertThat(json.at("/extProc/failOpen").asBoolean()).as("closed while the prompt guard is on").isFalse();
        assertThat(json.at("/extProc/istioCluster").asText()).isEqualTo("outbound|50051||r.ns.svc.cluster.local");
        assertThat(json.at("/rules").size()).isEqualTo(3);
        assertThat(json.at("/rules/0/matches/0/headers/0/value").asText()).isEqualTo("m1");
        assertThat(json.at("/rules/2/backendRefs/0/name").asText()).as("catch-all to the default model").isEqualTo("vllm-a");
        assertThat(json.at("/referenceGrants/0/namespace").asText()).isEqualTo("models");
        assertThat(json.at("/referenceGrants/0/to/0/name").asText()).isEqualTo("vllm-b");
    }

    @Test
    void failOpenFollowsTheCrOrThePromptGuard() {
        assertThat(attach(cr("", false), cluster("istio.io/gateway-controller")).extProc().failOpen()).isTrue();
        assertThat(attach(cr(", extProc: {failOpen: true, messageTimeoutSeconds: 20}", true),
                cluster("istio.io/gateway-controller")).toJson().at("/extProc/messageTimeout").asText()).isEqualTo("20s");
        assertThat(attach(cr(", extProc: {failOpen: true}", true), cluster("istio.io/gateway-controller"))
                .extProc().failOpen()).isTrue();
    }

    @Test
    void aMissingGatewayOrClassOrAnUnknownControllerIsNotAttached() {
        StaticClusterView noGateway = cluster("istio.io/gateway-controller").remove(
                GatewayApi.GATEWAY.apiVersion(), GatewayApi.GATEWAY.kind(), "gw-ns", "gw");
        assertNotAttached(attach(cr("", true), noGateway), "GatewayNotFound", "Gateway gw-ns/gw (spec.gateway.existingRef) not found");
        StaticClusterView noClass = cluster("istio.io/gateway-controller").remove(
                GatewayApi.GATEWAY_CLASS.apiVersion(), GatewayApi.GATEWAY_CLASS.kind(), null, "cls");
        assertNotAttached(attach(cr("", true), noClass), "GatewayClassNotFound", "GatewayClass \"cls\" of Gateway gw-ns/gw not found");
        assertNotAttached(attach(cr("", true), cluster("example.com/other")), "UnknownGatewayImplementation",
                "served by controller \"example.com/other\"", "set spec.gateway.implementation");
        assertNotAttached(attach(cr("", true), new StaticClusterView().stopServingGroup("gateway.networking.k8s.io")),
                "GatewayAPINotInstalled", "does not serve Gateway (gateway.networking.k8s.io/v1)");
    }

    @Test
    void theCrFieldOverridesAnUnknownController() {
        GatewayAttachment attachment = attach(cr(", implementation: istio", true),
                cluster("example.com/other").serveGroup("networking.istio.io"));
        assertThat(attachment.attached()).isTrue();
        assertThat(attachment.implementation()).isEqualTo(GatewayImplementation.ISTIO);
        assertThat(attachment.message()).contains("(spec.gateway.implementation)");
    }

    @Test
    void kindsTheClusterDoesNotServeAreNamedAndNothingIsAttached() {
        StaticClusterView view = cluster("gateway.envoyproxy.io/gatewayclass-controller").stopServingGroup("gateway.envoyproxy.io");
        assertNotAttached(attach(cr("", true), view), "GatewayKindNotServed",
                "does not serve EnvoyExtensionPolicy (gateway.envoyproxy.io/v1alpha1)", "no gateway object is applied");
        String pooled = cr("", true).toString().replace("\"name\":\"a\",", "\"name\":\"a\",\"inferencePool\":{\"name\":\"pool\"},");
        assertNotAttached(attach(yaml(pooled), cluster("istio.io/gateway-controller")), "GatewayKindNotServed",
                "InferencePool (inference.networking.k8s.io/v1)");
    }

    @Test
    void anOperatorThatCannotSeeTheGatewayAsksForTheImplementation() {
        StaticClusterView view = cluster("istio.io/gateway-controller").watchOnly("ns");
        assertNotAttached(attach(cr("", true), view), "GatewayNotVisible", "set spec.gateway.implementation");
        assertThat(attach(cr(", implementation: envoy-gateway", true),
                cluster("gateway.envoyproxy.io/gatewayclass-controller").watchOnly("ns")).attached()).isTrue();
    }

    @Test
    void standaloneHasNothingToAttach() {
        GatewayAttachment attachment = attach(yaml("{metadata: {name: r, namespace: ns}, spec: {}}"), new StaticClusterView());
        assertThat(attachment.gatewayMode()).isFalse();
        assertThat(attachment.toJson().path("attached").asBoolean()).isFalse();
    }

    private static void assertNotAttached(GatewayAttachment attachment, String reason, String... message) {
        assertThat(attachment.gatewayMode()).isTrue();
        assertThat(attachment.attached()).isFalse();
        assertThat(attachment.reason()).isEqualTo(reason);
        assertThat(attachment.message()).contains(message);
        assertThat(attachment.toJson().path("rules").size()).isZero();
        assertThat(GatewayAttachment.FAILURE_REASONS).contains(reason);
    }

    private static ObjectNode cr(String gatewayFields, boolean promptGuard) {
        return yaml(CR.formatted(gatewayFields, promptGuard));
    }

    private static StaticClusterView cluster(String controller) {
        StaticClusterView view = new StaticClusterView()
                .put(service("ns", "vllm-a", "app: a", 8000))
                .put(service("models", "vllm-b", "app: b", 8001))
                .put(yaml("""
                        apiVersion: gateway.networking.k8s.io/v1
                        kind: Gateway
                        metadata: {name: gw, namespace: gw-ns}
                        spec: {gatewayClassName: cls, listeners: [{name: http, port: 80, protocol: HTTP}]}
                        """))
                .put(yaml("""
                        apiVersion: gateway.networking.k8s.io/v1
                        kind: GatewayClass
                        metadata: {name: cls}
                        spec: {controllerName: %s}
                        """.formatted(controller)));
        GatewayImplementation.assumeInstalled(view);
        return view;
    }

    private static GatewayAttachment attach(ObjectNode cr, StaticClusterView view) {
        DiscoveryReport discovery = new BackendDiscovery(view).discover(cr);
        BackendTlsPlan tls = BackendTlsPlan.of(cr, Platform.KUBERNETES, discovery);
        return new GatewayLookup(view).attach(cr, discovery, ModelCatalog.of(discovery, tls), tls);
    }
}
