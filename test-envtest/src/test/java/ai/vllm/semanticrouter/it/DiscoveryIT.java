package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backend discovery on a real API server, read back from config.yaml in ConfigMap {@code <cr>-config}:
 * KServe predictors, Llama Stack Services by labels (first by name, stable), named Services in
 * another namespace; a missing backend (an InferenceService, or a named Service or its port) is a
 * False condition and a Warning event on the router (a named Service stays configured as written), never blocks another router, and the backend
 * appearing later converges the router without touching it.
 */
class DiscoveryIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    @Test
    void kserveEndpointIsThePredictorServiceOnPort8443() throws Exception {
        String namespace = API.newNamespace("kserve");
        CLIENT.genericKubernetesResources(FakeBackends.INFERENCE_SERVICES).inNamespace(namespace).resource(
                FakeBackends.inferenceService("llama-3-8b", namespace)).create();
        CLIENT.services().inNamespace(namespace).resource(service("llama-3-8b-predictor", Map.of(), 8443)).create();
        GenericKubernetesResource router = routers.create(routers.sample("simple", namespace));
        String name = router.getMetadata().getName();

        await("KServe endpoint in config.yaml").atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints(namespace, name))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("address").asText()).isEqualTo("llama-3-8b-predictor." + namespace + ".svc.cluster.local");
                    assertThat(e.path("port").asInt()).isEqualTo(8443);
                }));
        await("BackendsDiscovered=True").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered")).containsEntry("status", "True"));
    }

    @Test
    void aMissingBackendIsReportedWithoutBlockingOthersAndConvergesWhenItAppears() throws Exception {
        String namespace = API.newNamespace("missing");
        GenericKubernetesResource waiting = routers.create(routers.sample("simple", namespace));
        GenericKubernetesResource healthy = routers.createWithPrerequisites(
                routers.fromResource("routers/full-featured.yaml", namespace));
        String name = waiting.getMetadata().getName();

        await("BackendsDiscovered=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered"))
                .containsEntry("status", "False").containsEntry("reason", "BackendNotFound"));
        assertThat(String.valueOf(condition(routers.get(namespace, name), "BackendsDiscovered").get("message")))
                .contains("llama-3-8b");
        await("Warning event on the router").atMost(TIMEOUT).untilAsserted(() -> assertThat(warnings(waiting))
                .anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("BackendNotFound");
                    assertThat(e.getMessage()).contains("llama-3-8b");
                }));
        assertThat(endpoints(namespace, name)).as("an unresolved backend is left out").isEmpty();
        assertThat(CLIENT.apps().deployments().inNamespace(namespace).withName(name).get())
                .as("the rest of the router is applied").isNotNull();
        routers.awaitReconciled(namespace, healthy.getMetadata().getName());
        assertThat(condition(routers.get(namespace, healthy.getMetadata().getName()), "BackendsDiscovered"))
                .as("another router in the same run is not blocked").containsEntry("status", "True");

        long generation = routers.get(namespace, name).getMetadata().getGeneration();
        FakeBackends.apply(CLIENT, FakeBackends.forRouter(waiting));
        await("converges once the InferenceService exists").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered")).containsEntry("status", "True"));
        await("endpoint in config.yaml").atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints(namespace, name))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("address").asText()).isEqualTo("llama-3-8b-predictor." + namespace + ".svc.cluster.local");
                    assertThat(e.path("port").asInt()).isEqualTo(8443);
                }));
        assertThat(routers.get(namespace, name).getMetadata().getGeneration()).as("the router was not touched")
                .isEqualTo(generation);
    }

    @Test
    void llamaStackUsesTheFirstMatchingServiceByNameAndKeepsItAcrossReconciles() throws Exception {
        String namespace = API.newNamespace("llamastack");
        List<String> names = new ArrayList<>(List.of("stack-delta", "stack-alpha", "stack-echo", "stack-charlie", "stack-bravo"));
        long seed = System.nanoTime();
        Collections.shuffle(names, new Random(seed));
        for (String service : names) {
            int port = 8000 + service.charAt(6);
            CLIENT.services().inNamespace(namespace).resource(service(service, stackLabels(), port)).create();
        }
        CLIENT.services().inNamespace(namespace).resource(service("stack-aaa-other-model",
                Map.of("app", "llama-stack", "model", "another"), 9999)).create();
        routers.create(routers.fromResource("routers/llamastack-only.yaml", namespace));

        await("llama stack endpoint (creation order %s, seed %d)".formatted(names, seed)).atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(endpoints(namespace, "stack-router")).singleElement()
                        .satisfies(e -> assertStackAlpha(e, namespace)));

        CLIENT.services().inNamespace(namespace).resource(service("stack-foxtrot", stackLabels(), 9000)).create();
        for (int replicas = 2; replicas <= 4; replicas++) {
            CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName("stack-router")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":" + replicas + "}}");
            routers.awaitReconciled(namespace, "stack-router");
            assertThat(endpoints(namespace, "stack-router")).as("after reconcile with replicas=%d", replicas)
                    .singleElement().satisfies(e -> assertStackAlpha(e, namespace));
        }
    }

    @Test
    void serviceBackendInAnotherNamespace() throws Exception {
        String namespace = API.newNamespace("svc-router");
        String models = API.newNamespace("svc-models");
        CLIENT.services().inNamespace(models).resource(service("vllm-qwen", Map.of(), 8000)).create();
        GenericKubernetesResource router = routers.fromResource("routers/full-featured.yaml", namespace);
        serviceBackend(router).put("namespace", models);
        routers.create(router);

        await("cross-namespace endpoint").atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints(namespace, "full-router"))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("address").asText()).isEqualTo("vllm-qwen." + models + ".svc.cluster.local");
                    assertThat(e.path("port").asInt()).isEqualTo(8000);
                }));
        await("BackendsDiscovered=True").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, "full-router"), "BackendsDiscovered")).containsEntry("status", "True"));
    }

    @Test
    void aMissingServiceBackendIsReportedAndConvergesWhenTheServiceAppearsWithItsPort() throws Exception {
        String namespace = API.newNamespace("svc-missing");
        GenericKubernetesResource router = routers.create(routers.fromResource("routers/full-featured.yaml", namespace));
        String name = router.getMetadata().getName();

        await("BackendsDiscovered=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered"))
                .containsEntry("status", "False").containsEntry("reason", "BackendNotFound"));
        assertThat(String.valueOf(condition(routers.get(namespace, name), "BackendsDiscovered").get("message")))
                .contains("Service " + namespace + "/vllm-qwen not found");
        await("Warning event on the router").atMost(TIMEOUT).untilAsserted(() -> assertThat(warnings(router))
                .anySatisfy(e -> {
                    assertThat(e.getReason()).isEqualTo("BackendNotFound");
                    assertThat(e.getMessage()).contains("Service " + namespace + "/vllm-qwen not found");
                }));
        assertExplicitServiceConfigured(namespace, name);
        long generation = routers.get(namespace, name).getMetadata().getGeneration();

        CLIENT.services().inNamespace(namespace).resource(service("vllm-qwen", Map.of(), 80)).create();
        await("a Service without the port is reported").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                String.valueOf(condition(routers.get(namespace, name), "BackendsDiscovered").get("message")))
                .contains("Service " + namespace + "/vllm-qwen has no port 8000 (its ports: 80)"));
        assertExplicitServiceConfigured(namespace, name);

        CLIENT.services().inNamespace(namespace).withName("vllm-qwen").edit(s -> new ServiceBuilder(s).editSpec()
                .withPorts(new ServicePortBuilder().withName("http").withPort(8000).build()).endSpec().build());
        await("converges once the Service has port 8000").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered")).containsEntry("status", "True"));
        await("endpoint in config.yaml").atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints(namespace, name))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("address").asText()).isEqualTo("vllm-qwen." + namespace + ".svc.cluster.local");
                    assertThat(e.path("port").asInt()).isEqualTo(8000);
                }));
        assertThat(routers.get(namespace, name).getMetadata().getGeneration()).as("the router was not touched")
                .isEqualTo(generation);
    }

    /** "No discovery – uses explicit configuration": a service backend is in config.yaml as written, seen or not. */
    private static void assertExplicitServiceConfigured(String namespace, String name) throws Exception {
        assertThat(endpoints(namespace, name)).as("the explicit service backend, configured as written").singleElement()
                .satisfies(e -> {
                    assertThat(e.path("address").asText()).isEqualTo("vllm-qwen." + namespace + ".svc.cluster.local");
                    assertThat(e.path("port").asInt()).isEqualTo(8000);
                });
    }

    private static void assertStackAlpha(JsonNode endpoint, String namespace) {
        assertThat(endpoint.path("address").asText()).isEqualTo("stack-alpha." + namespace + ".svc.cluster.local");
        assertThat(endpoint.path("port").asInt()).as("the chosen Service's first port").isEqualTo(8000 + 'a');
    }

    private static Map<String, String> stackLabels() {
        return Map.of("app", "llama-stack", "model", "llama-3.3-70b");
    }

    private static Service service(String name, Map<String, String> labels, int port) {
        return new ServiceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .withNewSpec().addNewPort().withName("http").withPort(port).endPort().endSpec().build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> serviceBackend(GenericKubernetesResource router) {
        Map<String, Object> spec = (Map<String, Object>) router.getAdditionalProperties().get("spec");
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("vllmEndpoints")).get(0);
        return (Map<String, Object>) ((Map<String, Object>) endpoint.get("backend")).get("service");
    }

    private static List<JsonNode> endpoints(String namespace, String name) throws Exception {
        var config = CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get();
        if (config == null) {
            return List.of();
        }
        // legacy flat routers (v0.1/v0.2): vllm_endpoints; canonical ones: every backend_refs entry of every
        // provider model, as {name, address, port}, in model order
        List<JsonNode> list = new ArrayList<>();
        JsonNode document = new YAMLMapper().readTree(config.getData().get("config.yaml"));
        document.path("vllm_endpoints").forEach(list::add);
        for (JsonNode model : document.path("providers").path("models")) {
            for (JsonNode ref : model.path("backend_refs")) {
                String endpoint = ref.path("endpoint").asText();
                int colon = endpoint.lastIndexOf(':');
                list.add(new YAMLMapper().createObjectNode().put("name", ref.path("name").asText())
                        .put("address", endpoint.substring(0, colon))
                        .put("port", Integer.parseInt(endpoint.substring(colon + 1))));
            }
        }
        return list;
    }

    /** Warning events whose involvedObject is this very router (kind, name, uid). */
    private static List<Event> warnings(GenericKubernetesResource router) {
        String namespace = router.getMetadata().getNamespace();
        return CLIENT.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()))
                .filter(e -> "SemanticRouter".equals(e.getInvolvedObject().getKind())
                        && router.getMetadata().getName().equals(e.getInvolvedObject().getName())
                        && namespace.equals(e.getInvolvedObject().getNamespace())
                        && router.getMetadata().getUid().equals(e.getInvolvedObject().getUid()))
                .toList();
    }
}
