package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.operator.functions.Platform;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static ai.vllm.semanticrouter.it.support.Routers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenShift on an API server of its own that starts as plain Kubernetes and then serves the Route CRD
 * (written for the tests): the platform is detected when the API appears, Routes for each TLS
 * termination with the admitted host in status, SCC-friendly security contexts. On the shared (plain
 * Kubernetes) server, the same kind of router gets Kubernetes security contexts and no Route.
 */
class OpenShiftIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ResourceDefinitionContext ROUTES = new ResourceDefinitionContext.Builder()
            .withGroup("route.openshift.io").withVersion("v1").withKind("Route").withPlural("routes").withNamespaced(true).build();
    @RegisterExtension
    static final RunningOperator KUBERNETES = RunningOperator.onSharedServer();
    private static ApiServer api;
    private static KubernetesClient client;
    private static OperatorUnderTest operator;

    @BeforeAll
    static void startOpenShiftLikeServer() {
        api = ApiServer.dedicated("openshift");
        client = api.client();
        Routers.installCrd(client);
        Manifests.installCrds(client, "crds/kserve-inferenceservice-crd.yaml");
        operator = OperatorUnderTest.start(client);
        assertThat(operator.runtime().platform()).as("before the Route API is served").isEqualTo(Platform.KUBERNETES);
        Manifests.installCrds(client, "crds/openshift-route-crd.yaml");
        await("OpenShift detected once the Route API is served").atMost(Duration.ofSeconds(15))
                .until(() -> operator.runtime().platform() == Platform.OPENSHIFT);
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        api.stop();
    }

    @Test
    void routesForEveryTerminationWithTheAdmittedHostInStatus() {
        String namespace = api.newNamespace("route");
        Routers routers = new Routers(client);
        String name = routers.createWithPrerequisites(routers.sample("route", namespace)).getMetadata().getName();

        await("edge Route").atMost(TIMEOUT).until(() -> termination(namespace, name), "edge"::equals);
        Map<String, Object> spec = spec(client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name).get());
        assertThat(spec).containsEntry("host", "semantic-router.apps.openshift.example.com");
        assertThat(spec.get("to")).isEqualTo(Map.of("kind", "Service", "name", name, "weight", 100));
        assertThat(spec.get("port")).as("the chat entry is Envoy, not the management API")
                .isEqualTo(Map.of("targetPort", "envoy-http"));
        assertThat(client.services().inNamespace(namespace).withName(name).get().getSpec().getPorts())
                .anySatisfy(p -> assertThat(p.getName() + ":" + p.getPort() + "->" + p.getTargetPort().getIntVal())
                        .isEqualTo("envoy-http:8801->8801"));
        assertThat(client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name + "-api").get())
                .as("the management API is not published unasked").isNull();
        for (String termination : List.of("passthrough", "reencrypt")) {
            client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                    .patch(PatchContext.of(PatchType.JSON_MERGE),
                            "{\"spec\":{\"openshift\":{\"routes\":{\"tls\":{\"termination\":\"" + termination + "\"}}}}}");
            await(termination + " Route").atMost(TIMEOUT).until(() -> termination(namespace, name), termination::equals);
        }

        GenericKubernetesResource route = client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name).get();
        String host = "router-" + namespace + ".apps.example.com";
        route.setAdditionalProperty("status", Map.of("ingress", List.of(Map.of("host", host, "routerName", "default"))));
        client.genericKubernetesResources(ROUTES).inNamespace(namespace).resource(route).updateStatus();
        await("status.openshiftFeatures").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                status(routers.get(namespace, name)).get("openshiftFeatures"))
                .isEqualTo(Map.of("routesEnabled", true, "routeHostname", host)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anExposedManagementApiGetsItsOwnRouteAndBearerTokensFromTheSecretNeverItsValue() {
        String namespace = api.newNamespace("mgmt");
        String token = "token-" + namespace + "-never-in-a-configmap";
        client.secrets().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.SecretBuilder()
                .withNewMetadata().withName("router-api-tokens").endMetadata().addToStringData("admin", token).build()).create();
        Routers routers = new Routers(client);
        GenericKubernetesResource router = routers.sample("route", namespace);
        ((Map<String, Object>) router.getAdditionalProperties().get("spec")).put("managementAPI", Map.of("expose", true,
                "tokens", List.of(Map.of("secretKeyRef", Map.of("name", "router-api-tokens", "key", "admin")))));
        String name = routers.createWithPrerequisites(router).getMetadata().getName();

        await("Route " + name + "-api").atMost(TIMEOUT).until(() ->
                client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name + "-api").get() != null);
        assertThat(spec(client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name + "-api").get())
                .get("port")).isEqualTo(Map.of("targetPort", "api"));
        assertThat(spec(client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name).get()).get("port"))
                .isEqualTo(Map.of("targetPort", "envoy-http"));
        String config = client.configMaps().inNamespace(namespace).withName(name + "-config").get().getData().get("config.yaml");
        assertThat(config).contains("remote_exposure: true").contains("env: VLLM_SR_MANAGEMENT_TOKEN_0");
        assertThat(podSpec(client, namespace, name).getContainers().get(0).getEnv())
                .filteredOn(e -> e.getName().equals("VLLM_SR_MANAGEMENT_TOKEN_0")).singleElement()
                .satisfies(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName() + "/"
                        + e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("router-api-tokens/admin"));
        assertThat(client.configMaps().inNamespace(namespace).list().getItems())
                .allSatisfy(cm -> assertThat(String.valueOf(cm.getData())).doesNotContain(token));
    }

    @Test
    void openShiftSecurityContextsLeaveUidAndFsGroupToTheScc() {
        String namespace = api.newNamespace("scc");
        Routers routers = new Routers(client);
        routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
        routers.awaitReconciled(namespace, "full-router");

        PodSpec pod = podSpec(client, namespace, "full-router");
        assertThat(pod.getSecurityContext().getRunAsUser()).as("the SCC assigns the UID").isNull();
        assertThat(pod.getSecurityContext().getFsGroup()).as("the SCC assigns the fsGroup").isNull();
        assertThat(pod.getContainers()).extracting(Container::getName).contains("semantic-router", "envoy-proxy");
        assertThat(pod.getContainers()).allSatisfy(c -> {
            assertThat(c.getSecurityContext().getRunAsUser()).as(c.getName()).isNull();
            assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(c.getName()).isFalse();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
        });
    }

    @Test
    void kserveIsVerifiedAgainstTheServiceCaWhoseInjectedBundleTheOperatorKeeps() {
        String namespace = api.newNamespace("service-ca");
        Routers routers = new Routers(client);
        String name = routers.createWithPrerequisites(routers.sample("simple", namespace)).getMetadata().getName();
        String configMap = name + "-service-ca";
        await("ConfigMap " + configMap + " and Deployment " + name).atMost(TIMEOUT)
                .until(() -> client.configMaps().inNamespace(namespace).withName(configMap).get() != null
                        && client.apps().deployments().inNamespace(namespace).withName(name).get() != null);
        assertThat(client.configMaps().inNamespace(namespace).withName(configMap).get().getMetadata().getAnnotations())
                .containsEntry("service.beta.openshift.io/inject-cabundle", "true");
        PodSpec pod = podSpec(client, namespace, name);
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("backend-ca");
            assertThat(v.getConfigMap().getName()).isEqualTo(configMap);
            assertThat(v.getConfigMap().getItems().get(0).getKey()).isEqualTo("service-ca.crt");
        });
        assertThat(pod.getContainers().get(1).getVolumeMounts())
                .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/envoy-backend-ca"));
        await("BackendTLSVerified").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendTLSVerified")).containsEntry("status", "True")
                .containsEntry("reason", "Verified"));
        assertThat((String) condition(routers.get(namespace, name), "BackendTLSVerified").get("message"))
                .contains("against the OpenShift service CA, ConfigMap " + configMap + " (key service-ca.crt)");

        // the service CA operator injects its bundle (another field manager); a later reconcile keeps it
        client.configMaps().inNamespace(namespace).withName(configMap).edit(cm -> {
            cm.setData(Map.of("service-ca.crt", "-----BEGIN CERTIFICATE-----\ninjected\n-----END CERTIFICATE-----\n"));
            return cm;
        });
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":2}}");
        await("the new generation reconciled").atMost(TIMEOUT).until(() -> Routers.reconciled(routers.get(namespace, name))
                && client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getReplicas() == 2);
        assertThat(client.configMaps().inNamespace(namespace).withName(configMap).get().getData())
                .containsKey("service-ca.crt");
    }

    @Test
    void plainKubernetesGetsKubernetesSecurityContextsAndNoRoute() {
        ApiServer shared = ApiServer.shared();
        KubernetesClient sharedClient = shared.client();
        assertThat(sharedClient.getApiGroup("route.openshift.io")).as("the shared server has no Route API").isNull();
        assertThat(KUBERNETES.operator().runtime().platform()).isEqualTo(Platform.KUBERNETES);
        String namespace = shared.newNamespace("k8s-contexts");
        Routers routers = new Routers(sharedClient);
        GenericKubernetesResource router = routers.fromResource("routers/full-featured.yaml", namespace);
        spec(router).put("openshift", Map.of("routes", Map.of("enabled", true)));
        routers.createWithPrerequisites(router);
        routers.awaitReconciled(namespace, "full-router");

        PodSpec pod = podSpec(sharedClient, namespace, "full-router");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(1000L);
        assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(1000L);
        assertThat(pod.getContainers()).allSatisfy(c -> {
            assertThat(c.getSecurityContext().getRunAsUser()).as(c.getName()).isEqualTo(1000L);
            assertThat(c.getSecurityContext().getRunAsNonRoot()).as(c.getName()).isTrue();
            assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(c.getName()).containsExactly("ALL");
        });
        GenericKubernetesResource stored = routers.get(namespace, "full-router");
        assertThat(condition(stored, "Degraded")).as("no Route attempted, so nothing is missing")
                .containsEntry("status", "False");
        assertThat(status(stored)).doesNotContainKey("openshiftFeatures").doesNotContainEntry("phase", "Failed");
        assertThat(sharedClient.v1().events().inNamespace(namespace).list().getItems())
                .noneSatisfy(e -> assertThat(e.getMessage()).containsIgnoringCase("route.openshift.io"));
    }

    private static PodSpec podSpec(KubernetesClient client, String namespace, String name) {
        return client.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getTemplate().getSpec();
    }

    private static String termination(String namespace, String name) {
        GenericKubernetesResource route = client.genericKubernetesResources(ROUTES).inNamespace(namespace).withName(name).get();
        return route != null && spec(route).get("tls") instanceof Map<?, ?> tls ? String.valueOf(tls.get("termination")) : null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }
}
