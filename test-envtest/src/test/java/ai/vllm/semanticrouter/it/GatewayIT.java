package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.GatewayCrds;
import ai.vllm.semanticrouter.it.support.GatewayObjects;
import ai.vllm.semanticrouter.it.support.Kubectl;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OfflineRender;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.WriteRecorder;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static ai.vllm.semanticrouter.it.support.GatewayObjects.CLASSES;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.FILTERS;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.GATEWAYS;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.GRANTS;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.HTTP_ROUTES;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.POLICIES;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.POOLS;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.RULES;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.TLS_POLICIES;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.gateway;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.gatewayClass;
import static ai.vllm.semanticrouter.it.support.GatewayObjects.inferencePool;
import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static ai.vllm.semanticrouter.it.support.Routers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateway mode on an API server of its own that serves the real CRDs of the Gateway API, Envoy
 * Gateway, Istio and (installed mid-test) the Inference Extension, taken from their Go modules: the
 * router attaches to an Istio Gateway (EnvoyFilter beside the Gateway, DestinationRule, HTTPRoute)
 * and to an Envoy Gateway one (EnvoyExtensionPolicy, HTTPRoute, ReferenceGrant); every gateway object
 * `render` gives is accepted by a server-side dry-run apply with strict field validation; backend TLS
 * is a BackendTLSPolicy on Envoy Gateway and reported as not configured where Istio cannot take the CA; a missing
 * Gateway or GatewayClass, an unknown controller and a kind the server does not serve leave every
 * gateway object out with the reason in GatewayAttached, and the CR converges once they appear.
 */
class GatewayIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ISTIO_NS = "istio-system";
    private static final String EG_NS = "gw-envoy-gateway-system";
    private static final Set<String> GATEWAY_KINDS = Set.of("HTTPRoute", "EnvoyExtensionPolicy", "EnvoyFilter",
            "DestinationRule", "ReferenceGrant", "BackendTLSPolicy");
    private static ApiServer api;
    private static KubernetesClient client;
    private static OperatorUnderTest operator;
    private final Routers routers = new Routers(client);
    @TempDir
    Path dir;

    @BeforeAll
    static void startServerWithGatewayApis() {
        api = ApiServer.dedicated("gateway");
        client = api.client();
        Routers.installCrd(client);
        Manifests.installCrds(client, "crds/kserve-inferenceservice-crd.yaml");
        GatewayCrds.install(client, GatewayCrds.WITHOUT_INFERENCE_POOL);
        for (String namespace : List.of(ISTIO_NS, EG_NS)) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        }
        create(CLASSES, null, gatewayClass("istio", "istio.io/gateway-controller"));
        create(CLASSES, null, gatewayClass("eg", "gateway.envoyproxy.io/gatewayclass-controller"));
        create(GATEWAYS, ISTIO_NS, gateway("istio-ingressgateway", ISTIO_NS, "istio"));
        create(GATEWAYS, EG_NS, gateway("eg", EG_NS, "eg"));
        operator = OperatorUnderTest.start(client);
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        api.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewaySampleAttachesToIstioWithAnEnvoyFilterBesideTheGateway() throws IOException {
        String namespace = api.newNamespace("istio");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("gateway", namespace));
        String name = router.getMetadata().getName();

        awaitAttached(namespace, name, "the Istio Gateway istio-system/istio-ingressgateway (GatewayClass \"istio\")");
        Map<String, Object> route = spec(get(HTTP_ROUTES, namespace, name));
        assertThat((List<Map<String, Object>>) route.get("parentRefs")).singleElement().isEqualTo(Map.of(
                "group", "gateway.networking.k8s.io", "kind", "Gateway", "name", "istio-ingressgateway", "namespace", ISTIO_NS));
        List<Map<String, Object>> rules = (List<Map<String, Object>>) route.get("rules");
        assertThat(rules).as("three models and the catch-all").hasSize(4);
        assertThat(rules.get(0).toString()).contains("x-selected-model", "llama3-8b", "llama-3-8b-predictor");
        GenericKubernetesResource filter = get(FILTERS, ISTIO_NS, "semantic-router-" + namespace + "-" + name);
        assertThat(filter).as("EnvoyFilter beside the Gateway").isNotNull();
        assertThat(filter.getMetadata().getOwnerReferences()).as("no cross-namespace owner").isNullOrEmpty();
        assertThat(filter.getMetadata().getLabels()).containsEntry("semanticrouter.vllm.ai/owner-namespace", namespace);
        assertThat(Serialization.asJson(spec(filter))).contains("outbound|50051||" + name + "." + namespace + ".svc.cluster.local",
                "\"gateway.networking.k8s.io/gateway-name\":\"istio-ingressgateway\"", "\"failure_mode_allow\":false");
        assertThat(spec(get(RULES, namespace, name + "-ext-proc"))).containsEntry("host", name + "." + namespace + ".svc.cluster.local");
        assertThat(get(POLICIES, namespace, name)).isNull();
        assertThat(condition(routers.get(namespace, name), "GatewayBackendTLS")).containsEntry("status", "False")
                .containsEntry("reason", "NotConfigured").extractingByKey("message").asString()
                .contains("llama3-8b-endpoint", "mistral-7b-endpoint", "credentialName");
        assertThat(client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getTemplate().getSpec()
                .getContainers()).extracting(Container::getName).containsExactly("semantic-router");
        assertThat(client.configMaps().inNamespace(namespace).withName(name + "-envoy-config").get()).isNull();

        // the sample's qwen Service stays in vllm-serving while the CR moved to a namespace of its own
        assertThat(get(GRANTS, "vllm-serving", "semantic-router-" + namespace + "-" + name)).isNotNull();
        assertThat(strictlyAppliedGatewayObjects(namespace, name, List.of()))
                .containsExactlyInAnyOrder("HTTPRoute", "EnvoyFilter", "DestinationRule", "ReferenceGrant");

        assertNothingWrittenWhenTheGatewayChanges(namespace, name);

        routers.client().genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name).delete();
        await("EnvoyFilter and ReferenceGrant deleted with their CR").atMost(TIMEOUT)
                .until(() -> get(FILTERS, ISTIO_NS, "semantic-router-" + namespace + "-" + name) == null
                        && get(GRANTS, "vllm-serving", "semantic-router-" + namespace + "-" + name) == null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anEnvoyGatewayRouterWaitsForTheInferencePoolApiThenGetsAnExtensionPolicy() throws IOException {
        String namespace = api.newNamespace("eg");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.fromResource("routers/envoy-gateway.yaml", namespace));
        String name = router.getMetadata().getName();

        await("GatewayKindNotServed").atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(routers.get(namespace, name),
                "GatewayAttached")).containsEntry("status", "False").containsEntry("reason", "GatewayKindNotServed")
                .extractingByKey("message").asString().contains("InferencePool (inference.networking.k8s.io/v1)"));
        assertThat(get(HTTP_ROUTES, namespace, name)).as("nothing half-applied").isNull();
        assertThat(get(POLICIES, namespace, name)).isNull();

        GatewayCrds.install(client, GatewayCrds.INFERENCE_POOL);
        GenericKubernetesResource pool = inferencePool(namespace);
        create(POOLS, namespace, pool);
        awaitAttached(namespace, name, "the Envoy Gateway Gateway " + EG_NS + "/eg");
        Map<String, Object> policy = spec(get(POLICIES, namespace, name));
        assertThat(Serialization.asJson(policy)).contains("\"kind\":\"HTTPRoute\",\"name\":\"" + name + "\"",
                "\"port\":50051", "\"body\":\"Buffered\"", "\"messageTimeout\":\"60s\"", "\"failOpen\":true");
        List<Map<String, Object>> rules = (List<Map<String, Object>>) spec(get(HTTP_ROUTES, namespace, name)).get("rules");
        assertThat(rules.get(0).toString()).contains("InferencePool", "llama3-8b-pool");
        assertThat(rules.get(1).toString()).contains("qwen-sql", "gw-shared-models");
        GenericKubernetesResource grant = get(GRANTS, "gw-shared-models", "semantic-router-" + namespace + "-" + name);
        assertThat(Serialization.asJson(spec(grant))).contains("\"namespace\":\"" + namespace + "\"", "\"name\":\"vllm-qwen\"");

        assertThat(Serialization.asJson(spec(get(TLS_POLICIES, namespace, name + "-backend-tls-0")))).contains(
                "\"name\":\"vllm-qwen-local\"", "\"hostname\":\"vllm-qwen-local." + namespace + ".svc.cluster.local\"",
                "\"kind\":\"ConfigMap\",\"name\":\"backend-ca\"");
        assertThat(condition(routers.get(namespace, name), "GatewayBackendTLS")).containsEntry("status", "True")
                .containsEntry("reason", "Verified");
        assertThat(condition(routers.get(namespace, name), "RouterConfigValid")).containsEntry("status", "True");

        assertThat(strictlyAppliedGatewayObjects(namespace, name, List.of(pool)))
                .containsExactlyInAnyOrder("HTTPRoute", "EnvoyExtensionPolicy", "ReferenceGrant", "BackendTLSPolicy");
    }

    @Test
    void aMissingGatewayOrClassOrAnUnknownControllerIsAConditionUntilFixed() {
        String namespace = api.newNamespace("late");
        GenericKubernetesResource router = routers.fromResource("routers/envoy-gateway.yaml", namespace);
        Map<String, Object> spec = spec(router);
        spec.put("gateway", Map.of("existingRef", Map.of("name", "late", "namespace", namespace)));
        spec.put("vllmEndpoints", List.of(((List<?>) spec.get("vllmEndpoints")).get(2)));
        String name = routers.createWithPrerequisites(router).getMetadata().getName();

        awaitNotAttached(namespace, name, "GatewayNotFound", "Gateway " + namespace + "/late (spec.gateway.existingRef) not found");
        create(GATEWAYS, namespace, gateway("late", namespace, "late-class"));
        awaitNotAttached(namespace, name, "GatewayClassNotFound", "GatewayClass \"late-class\" of Gateway " + namespace + "/late");
        create(CLASSES, null, gatewayClass("late-class", "example.com/gateway-controller"));
        awaitNotAttached(namespace, name, "UnknownGatewayImplementation", "served by controller \"example.com/gateway-controller\"");
        assertThat(condition(routers.get(namespace, name), "Stalled")).containsEntry("status", "True");
        assertThat(get(HTTP_ROUTES, namespace, name)).as("nothing half-applied").isNull();

        GenericKubernetesResource stored = routers.get(namespace, name);
        spec(stored).put("gateway", Map.of("existingRef", Map.of("name", "late", "namespace", namespace), "implementation", "istio"));
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).resource(stored).update();
        awaitAttached(namespace, name, "(spec.gateway.implementation)");
        assertThat(get(FILTERS, namespace, "semantic-router-" + namespace + "-" + name).getMetadata().getOwnerReferences())
                .as("in the CR's namespace the EnvoyFilter is owned").isNotEmpty();
    }

    @Test
    void aRouterWithoutGatewayIsStandalone() {
        String namespace = api.newNamespace("standalone");
        String name = routers.createWithPrerequisites(routers.sample("simple", namespace)).getMetadata().getName();

        routers.awaitReconciled(namespace, name);
        assertThat(status(routers.get(namespace, name))).containsEntry("gatewayMode", "standalone");
        assertThat(condition(routers.get(namespace, name), "GatewayAttached")).isEmpty();
        assertThat(get(HTTP_ROUTES, namespace, name)).isNull();
        assertThat(client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getTemplate().getSpec()
                .getContainers()).extracting(Container::getName).contains("semantic-router", "envoy-proxy");
    }

    /**
     * Idle means idle for the objects in other namespaces too: a change of the Gateway reconciles the
     * CR, which finds its EnvoyFilter and ReferenceGrant where they are and writes nothing.
     */
    private void assertNothingWrittenWhenTheGatewayChanges(String namespace, String name) {
        try (WriteRecorder own = WriteRecorder.start(client, namespace, List.of(HTTP_ROUTES, RULES, Routers.CONTEXT));
             WriteRecorder beside = WriteRecorder.start(client, ISTIO_NS, List.of(FILTERS));
             WriteRecorder shared = WriteRecorder.start(client, "vllm-serving", List.of(GRANTS))) {
            own.awaitSettled();
            double reconciles = operator.reconciles();
            client.genericKubernetesResources(GATEWAYS).inNamespace(ISTIO_NS).withName("istio-ingressgateway")
                    .edit(gateway -> {
                        gateway.getMetadata().setLabels(Map.of("touched-by", "gateway-it"));
                        return gateway;
                    });
            await("reconcile after the Gateway changed").atMost(TIMEOUT).until(() -> operator.reconciles() > reconciles);
            own.assertNoWritesFor(Duration.ofSeconds(3));
            beside.assertNoWritesSince(0, "writes of the EnvoyFilter beside the Gateway");
            shared.assertNoWritesSince(0, "writes of the ReferenceGrant beside the backend");
        }
    }

    /**
     * Renders the CR offline with its cluster objects and applies every gateway object of the render
     * with a server-side dry run under strict field validation (an unknown or misspelt field fails
     * instead of being dropped); returns the kinds applied.
     */
    private List<String> strictlyAppliedGatewayObjects(String namespace, String name, List<HasMetadata> extra) throws IOException {
        GenericKubernetesResource stored = routers.get(namespace, name);
        List<HasMetadata> cluster = new ArrayList<>(FakeBackends.forRouter(stored));
        cluster.addAll(extra);
        cluster.addAll(client.genericKubernetesResources(CLASSES).list().getItems());
        cluster.addAll(client.genericKubernetesResources(GATEWAYS).inAnyNamespace().list().getItems());
        var json = client.getKubernetesSerialization();
        List<JsonNode> gatewayObjects = OfflineRender.render(json.convertValue(stored, JsonNode.class),
                        cluster.stream().map(o -> json.convertValue(o, JsonNode.class)).toList(), "kubernetes", dir)
                .stream().filter(o -> GATEWAY_KINDS.contains(o.path("kind").asText())).toList();
        StringBuilder yaml = new StringBuilder();
        for (JsonNode object : gatewayObjects) {
            yaml.append("---\n").append(Serialization.asYaml(object).replaceFirst("^---\n", ""));
        }
        Path objects = Files.writeString(dir.resolve("gateway-objects.yaml"), yaml.toString());
        String out = new Kubectl(api.server().kubeConfigFile()).run("apply", "--server-side", "--dry-run=server",
                "--validate=strict", "--force-conflicts", "--field-manager=gateway-it", "-f", objects.toString());
        assertThat(out.lines().filter(l -> l.contains("serverside-applied")).count()).as(out).isEqualTo(gatewayObjects.size());
        return gatewayObjects.stream().map(o -> o.path("kind").asText()).toList();
    }

    private void awaitAttached(String namespace, String name, String message) {
        await("GatewayAttached").atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(routers.get(namespace, name),
                "GatewayAttached")).containsEntry("status", "True").containsEntry("reason", "Attached")
                .extractingByKey("message").asString().contains(message));
        assertThat(status(routers.get(namespace, name))).containsEntry("gatewayMode", "gateway-integration");
    }

    private void awaitNotAttached(String namespace, String name, String reason, String message) {
        await(reason).atMost(TIMEOUT).untilAsserted(() -> {
            GenericKubernetesResource current = routers.get(namespace, name);
            assertThat(condition(current, "GatewayAttached")).containsEntry("status", "False").containsEntry("reason", reason)
                    .extractingByKey("message").asString().contains(message);
            assertThat(condition(current, "Ready")).containsEntry("status", "False");
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource object) {
        assertThat(object).isNotNull();
        return (Map<String, Object>) object.getAdditionalProperties().get("spec");
    }

    private static GenericKubernetesResource get(ResourceDefinitionContext context, String namespace, String name) {
        return client.genericKubernetesResources(context).inNamespace(namespace).withName(name).get();
    }

    private static void create(ResourceDefinitionContext context, String namespace, GenericKubernetesResource object) {
        var operation = client.genericKubernetesResources(context);
        (namespace == null ? operation.resource(object) : operation.inNamespace(namespace).resource(object)).create();
    }
}
