package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.AppliedPayloads;
import ai.vllm.semanticrouter.it.support.Kubectl;
import ai.vllm.semanticrouter.it.support.RouterExpectations;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every sample of the compositions module reaches its expected objects on a real API server. */
class SamplesIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    static Stream<String> samples() {
        return Routers.SAMPLES.stream();
    }

    @ParameterizedTest(name = "sample {0}")
    @MethodSource("samples")
    void sampleReachesItsObjects(String sample) throws Exception {
        String namespace = API.newNamespace("sample-" + sample);
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample(sample, namespace));
        String name = router.getMetadata().getName();
        RouterExpectations expected = RouterExpectations.of(router, "kubernetes");

        await("objects of " + sample).atMost(Routers.RECONCILE_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(expected.missingObjects(CLIENT, namespace)).isEmpty());
        routers.awaitReconciled(namespace, name);

        assertDeployment(CLIENT.apps().deployments().inNamespace(namespace).withName(name).get(), expected);
        assertServicePorts(namespace, name, expected);
        assertConfig(CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get(), expected);
        // the applied config.yaml / envoy.yaml must pass the router's vllm-sr CLI and Envoy's API
        assertThat(AppliedPayloads.problems(CLIENT, namespace)).as("payloads of " + sample + " rejected by their consumers").isEmpty();
        for (HasMetadata object : expected.presentObjects(CLIENT, namespace)) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind() + " labels").containsEntry("app.kubernetes.io/instance", name)
                    .containsEntry("app.kubernetes.io/managed-by", "semantic-router-operator")
                    .containsKey("app.kubernetes.io/component").containsKey("app.kubernetes.io/name");
            if (!"PersistentVolumeClaim".equals(object.getKind()) || expected.pvcOwned()) {
                assertThat(object.getMetadata().getOwnerReferences()).as(object.getKind() + " owner")
                        .anySatisfy(ref -> {
                            assertThat(ref.getUid()).isEqualTo(router.getMetadata().getUid());
                            assertThat(ref.getController()).isTrue();
                        });
            }
        }

        assertThat(CLIENT.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "Created".equals(e.getReason()) && name.equals(e.getInvolvedObject().getName())).toList())
                .as("one Created event naming every object the first reconcile created").singleElement()
                .satisfies(e -> assertThat(e.getMessage()).startsWith("Created ").contains("Deployment " + namespace + "/" + name,
                        "Service " + namespace + "/" + name, "ConfigMap " + namespace + "/" + name + "-config"));

        String listed = new Kubectl(API.server().kubeConfigFile()).run("get", "deployment,service,configmap",
                "-n", namespace, "-l", "app.kubernetes.io/instance=" + name, "-o", "name");
        assertThat(listed).contains("deployment.apps/" + name, "service/" + name, "configmap/" + name + "-config");
    }

    private static void assertDeployment(Deployment deployment, RouterExpectations expected) {
        List<String> containers = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .map(Container::getName).toList();
        assertThat(containers).first().isEqualTo("semantic-router");
        if (expected.standalone()) {
            assertThat(containers).contains("envoy-proxy");
        } else {
            assertThat(containers).doesNotContain("envoy-proxy");
        }
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .as("config hash annotation rolls pods on config change").isNotEmpty();
        if (expected.autoscaling()) {
            assertThat(deployment.getSpec().getReplicas()).as("replicas left to the HPA").isIn(null, 1);
        }
        Container router = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(router.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(router.getSecurityContext().getCapabilities().getDrop()).contains("ALL");
    }

    private static void assertServicePorts(String namespace, String name, RouterExpectations expected) {
        List<String> ports = CLIENT.services().inNamespace(namespace).withName(name).get().getSpec().getPorts().stream()
                .map(ServicePort::getName).toList();
        assertThat(ports).contains("grpc", "api");
        if (expected.standalone()) {
            assertThat(ports).contains("envoy-http");
        }
    }

    /** Canonical config (every sample pins a v0.3 or newer router): one provider model per model, every endpoint. */
    private static void assertConfig(ConfigMap config, RouterExpectations expected) throws Exception {
        JsonNode routerConfig = new YAMLMapper().readTree(config.getData().get("config.yaml"));
        JsonNode models = routerConfig.path("providers").path("models");
        assertThat(models.size()).isEqualTo(expected.modelCount());
        int endpoints = 0;
        for (JsonNode model : models) {
            for (JsonNode ref : model.path("backend_refs")) {
                assertThat(ref.path("endpoint").asText()).matches(".+\\.svc\\.cluster\\.local:[0-9]+");
                endpoints++;
            }
        }
        assertThat(endpoints).isEqualTo(expected.endpointCount());
        assertThat(routerConfig.path("routing").path("modelCards").size()).isEqualTo(expected.modelCount());
        JsonNode tools = new ObjectMapper().readTree(config.getData().get("tools_db.json"));
        assertThat(tools.isArray()).isTrue();
        assertThat(tools).hasSize(expected.toolCount());
    }
}
