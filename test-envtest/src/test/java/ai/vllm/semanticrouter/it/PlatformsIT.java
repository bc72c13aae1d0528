package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.functions.Platform;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
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
 * OpenShift and Gateway API, on an API server of their own that serves the Route, Gateway and
 * HTTPRoute CRDs (written for the tests): platform detection, Routes for each TLS termination with
 * the admitted host in status, OpenShift security contexts, and gateway mode's HTTPRoute.
 */
class PlatformsIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ResourceDefinitionContext ROUTES = context("route.openshift.io", "Route", "routes");
    private static final ResourceDefinitionContext HTTP_ROUTES = context("gateway.networking.k8s.io", "HTTPRoute", "httproutes");
    private static ApiServer api;
    private static KubernetesClient client;
    private static OperatorUnderTest operator;

    @BeforeAll
    static void startOpenShiftLikeServer() {
        api = ApiServer.dedicated("platforms");
        client = api.client();
        Routers.installCrd(client);
        Manifests.installCrds(client, "crds/openshift-route-crd.yaml");
        Manifests.installCrds(client, "crds/gateway-api-crds.yaml");
        operator = OperatorUnderTest.start(client);
    }

    @AfterAll
    static void stop() {
        operator.close();
        api.stop();
    }

    @Test
    void routesForEveryTerminationWithTheAdmittedHostInStatus() {
        assertThat(operator.runtime().platform()).isEqualTo(Platform.OPENSHIFT);
        String namespace = api.newNamespace("route");
        Routers routers = new Routers(client);
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("route", namespace));
        String name = router.getMetadata().getName();

        await("edge Route").atMost(TIMEOUT).until(() -> termination(namespace, name), "edge"::equals);
        for (String termination : List.of("passthrough", "reencrypt")) {
            client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"spec\":{\"openshift\":{\"routes\":{\"tls\":{\"termination\":\"" + termination + "\"}}}}}");
            await(termination + " Route").atMost(TIMEOUT).until(() -> termination(namespace, name), termination::equals);
        }

        GenericKubernetesResource route = client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name).get();
        route.setAdditionalProperty("status", Map.of("ingress", List.of(Map.of("host", "router-" + namespace + ".apps.example.com"))));
        client.genericKubernetesResources(ROUTES).inNamespace(namespace).resource(route).updateStatus();
        await("status.openshiftFeatures").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                String.valueOf(status(routers.get(namespace, name)).get("openshiftFeatures")))
                .contains("routesEnabled=true").contains("routeHostname=router-" + namespace + ".apps.example.com"));

        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .as("OpenShift's SCC assigns the UID").isNull();
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getFsGroup()).isNull();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getSecurityContext().getRunAsUser()).isNull();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
    }

    @Test
    @SuppressWarnings("unchecked")
    void gatewayModeCreatesTheHttpRouteAndDropsEnvoy() {
        String namespace = api.newNamespace("gateway");
        Routers routers = new Routers(client);
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("gateway", namespace));
        String name = router.getMetadata().getName();

        await("HTTPRoute").atMost(TIMEOUT).until(() ->
                client.genericKubernetesResources(HTTP_ROUTES).inNamespace(namespace).withName(name).get() != null);
        Map<String, Object> spec = spec(client.genericKubernetesResources(HTTP_ROUTES).inNamespace(namespace).withName(name).get());
        assertThat((List<Map<String, Object>>) spec.get("parentRefs")).singleElement().satisfies(parent -> {
            assertThat(parent).containsEntry("name", "istio-ingressgateway").containsEntry("namespace", "istio-system");
            assertThat(parent).containsEntry("kind", "Gateway");
        });
        assertThat(spec.get("rules").toString()).contains("name=" + name).contains("port=8080");
        await("gatewayMode").atMost(TIMEOUT).untilAsserted(() ->
                assertThat(status(routers.get(namespace, name))).containsEntry("gatewayMode", "gateway-integration"));
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).extracting(Container::getName)
                .containsExactly("semantic-router");
        assertThat(client.configMaps().inNamespace(namespace).withName(name + "-envoy-config").get()).isNull();
    }

    private static String termination(String namespace, String name) {
        GenericKubernetesResource route = client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name).get();
        if (route == null) {
            return null;
        }
        Object tls = spec(route).get("tls");
        return tls instanceof Map<?, ?> map ? String.valueOf(map.get("termination")) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static ResourceDefinitionContext context(String group, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion("v1").withKind(kind).withPlural(plural)
                .withNamespaced(true).build();
    }
}
