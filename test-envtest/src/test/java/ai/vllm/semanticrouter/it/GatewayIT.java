package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Gateway API integration on an API server of its own that serves the Gateway and HTTPRoute CRDs
 * (written for the tests) and has the Gateway the gateway sample names: an HTTPRoute attached to it
 * and sending the router's API paths to the Service's api port, no Envoy; a router without
 * spec.gateway stays standalone.
 */
class GatewayIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ResourceDefinitionContext GATEWAYS = context("Gateway", "gateways");
    private static final ResourceDefinitionContext HTTP_ROUTES = context("HTTPRoute", "httproutes");
    private static ApiServer api;
    private static KubernetesClient client;
    private static OperatorUnderTest operator;

    @BeforeAll
    static void startServerWithGatewayApi() {
        api = ApiServer.dedicated("gateway");
        client = api.client();
        Routers.installCrd(client);
        Manifests.installCrds(client, "crds/kserve-inferenceservice-crd.yaml");
        Manifests.installCrds(client, "crds/gateway-api-crds.yaml");
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("istio-system").endMetadata().build())
                .create();
        GenericKubernetesResource gateway = new GenericKubernetesResource();
        gateway.setApiVersion("gateway.networking.k8s.io/v1");
        gateway.setKind("Gateway");
        gateway.setMetadata(new ObjectMetaBuilder().withName("istio-ingressgateway").withNamespace("istio-system").build());
        gateway.setAdditionalProperty("spec", Map.of("gatewayClassName", "istio",
                "listeners", List.of(Map.of("name", "http", "port", 80, "protocol", "HTTP"))));
        client.genericKubernetesResources(GATEWAYS).inNamespace("istio-system").resource(gateway).create();
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
    void gatewayModeAttachesAnHttpRouteToTheGatewayAndDropsEnvoy() {
        String namespace = api.newNamespace("gateway");
        Routers routers = new Routers(client);
        GenericKubernetesResource router = routers.sample("gateway", namespace);
        ((Map<String, Object>) router.getAdditionalProperties().get("spec")).put("service", Map.of("api", Map.of("port", 8181)));
        String name = routers.createWithPrerequisites(router).getMetadata().getName();

        await("HTTPRoute").atMost(TIMEOUT).until(() -> httpRoute(namespace, name) != null);
        Map<String, Object> spec = (Map<String, Object>) httpRoute(namespace, name).getAdditionalProperties().get("spec");
        assertThat((List<Map<String, Object>>) spec.get("parentRefs")).singleElement().isEqualTo(Map.of(
                "group", "gateway.networking.k8s.io", "kind", "Gateway",
                "name", "istio-ingressgateway", "namespace", "istio-system"));
        assertThat(client.genericKubernetesResources(GATEWAYS).inNamespace("istio-system").withName("istio-ingressgateway").get())
                .as("the parent exists").isNotNull();
        int apiPort = client.services().inNamespace(namespace).withName(name).get().getSpec().getPorts().stream()
                .filter(p -> "api".equals(p.getName())).map(ServicePort::getPort).findFirst().orElseThrow();
        assertThat(apiPort).isEqualTo(8181);
        List<Map<String, Object>> rules = (List<Map<String, Object>>) spec.get("rules");
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat((List<Map<String, Object>>) rule.get("backendRefs"))
                .singleElement().satisfies(backend -> {
                    assertThat(backend).containsEntry("kind", "Service").containsEntry("name", name);
                    assertThat(((Number) backend.get("port")).intValue()).isEqualTo(apiPort);
                }));

        await("gatewayMode").atMost(TIMEOUT).untilAsserted(() ->
                assertThat(status(routers.get(namespace, name))).containsEntry("gatewayMode", "gateway-integration"));
        assertThat(client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getTemplate().getSpec()
                .getContainers()).extracting(Container::getName).containsExactly("semantic-router");
        assertThat(client.configMaps().inNamespace(namespace).withName(name + "-envoy-config").get()).isNull();
    }

    @Test
    void aRouterWithoutGatewayIsStandalone() {
        String namespace = api.newNamespace("standalone");
        Routers routers = new Routers(client);
        String name = routers.createWithPrerequisites(routers.sample("simple", namespace)).getMetadata().getName();

        routers.awaitReconciled(namespace, name);
        assertThat(status(routers.get(namespace, name))).containsEntry("gatewayMode", "standalone");
        assertThat(httpRoute(namespace, name)).isNull();
        assertThat(client.configMaps().inNamespace(namespace).withName(name + "-envoy-config").get()).isNotNull();
        assertThat(client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getTemplate().getSpec()
                .getContainers()).extracting(Container::getName).contains("semantic-router", "envoy-proxy");
    }

    private static GenericKubernetesResource httpRoute(String namespace, String name) {
        return client.genericKubernetesResources(HTTP_ROUTES).inNamespace(namespace).withName(name).get();
    }

    private static ResourceDefinitionContext context(String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup("gateway.networking.k8s.io").withVersion("v1")
                .withKind(kind).withPlural(plural).withNamespaced(true).build();
    }
}
