package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backend discovery on a real API server: a missing backend is a False condition and a Warning event
 * (never a crash, other routers keep converging), and the backend appearing later converges the
 * router without touching it; Llama Stack picks the first matching Service by name, stably.
 */
class BackendDiscoveryIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    @Test
    void aMissingBackendIsReportedAndTheRouterConvergesWhenItAppears() throws Exception {
        String namespace = API.newNamespace("discovery");
        GenericKubernetesResource waiting = routers.sample("simple", namespace);
        routers.create(waiting);
        GenericKubernetesResource healthy = routers.fromResource("routers/full-featured.yaml", namespace);
        routers.createWithPrerequisites(healthy);
        String name = waiting.getMetadata().getName();

        await("BackendsDiscovered=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered"))
                .containsEntry("status", "False").containsEntry("reason", "BackendNotFound"));
        assertThat(String.valueOf(condition(routers.get(namespace, name), "BackendsDiscovered").get("message")))
                .contains("llama-3-8b");
        await("Warning event on the router").atMost(TIMEOUT).until(() -> warnings(namespace, name).stream()
                .anyMatch(e -> "BackendNotFound".equals(e.getReason()) && e.getMessage().contains("llama-3-8b")));
        routers.awaitReconciled(namespace, healthy.getMetadata().getName());
        assertThat(condition(routers.get(namespace, healthy.getMetadata().getName()), "BackendsDiscovered"))
                .as("another router in the same run is not blocked").containsEntry("status", "True");

        FakeBackends.apply(CLIENT, FakeBackends.forRouter(waiting));
        await("converges once the InferenceService exists").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "BackendsDiscovered")).containsEntry("status", "True"));
        await("endpoint in config.yaml").atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints(namespace, name))
                .anySatisfy(e -> assertThat(e.path("address").asText())
                        .isEqualTo("llama-3-8b-predictor." + namespace + ".svc.cluster.local")));
        assertThat(endpoints(namespace, name)).allSatisfy(e -> assertThat(e.path("port").asInt()).isEqualTo(8443));
    }

    @Test
    void llamaStackUsesTheFirstMatchingServiceByNameAndKeepsIt() throws Exception {
        String namespace = API.newNamespace("llamastack");
        for (String service : List.of("stack-zeta", "stack-alpha", "stack-mid")) {
            CLIENT.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName(service)
                    .withLabels(Map.of("app", "llama-stack", "model", "llama-3.3-70b")).endMetadata()
                    .withNewSpec().addNewPort().withName("http").withPort(8321).endPort().endSpec().build()).create();
        }
        GenericKubernetesResource router = routers.fromResource("routers/llamastack-only.yaml", namespace);
        routers.create(router);
        routers.awaitReconciled(namespace, "stack-router");
        await("llama stack endpoint").atMost(TIMEOUT).untilAsserted(() -> assertThat(endpoints(namespace, "stack-router"))
                .singleElement().satisfies(e -> assertThat(e.path("address").asText())
                        .isEqualTo("stack-alpha." + namespace + ".svc.cluster.local")));

        CLIENT.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName("stack-beta")
                .withLabels(Map.of("app", "llama-stack", "model", "llama-3.3-70b")).endMetadata()
                .withNewSpec().addNewPort().withPort(9000).endPort().endSpec().build()).create();
        routers.awaitReconciled(namespace, "stack-router");
        assertThat(endpoints(namespace, "stack-router")).singleElement().satisfies(e -> {
            assertThat(e.path("address").asText()).startsWith("stack-alpha.");
            assertThat(e.path("port").asInt()).isEqualTo(8321);
        });
    }

    private static List<JsonNode> endpoints(String namespace, String name) throws Exception {
        var config = CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get();
        if (config == null) {
            return List.of();
        }
        JsonNode parsed = new YAMLMapper().readTree(config.getData().get("config.yaml"));
        return parsed.path("vllm_endpoints").isArray() ? List.copyOf(iterable(parsed.path("vllm_endpoints"))) : List.of();
    }

    private static List<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new java.util.ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static List<Event> warnings(String namespace, String name) {
        return CLIENT.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "Warning".equals(e.getType()) && name.equals(e.getInvolvedObject().getName())).toList();
    }
}
