package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Spec changes, switched-off features, HPA ownership of replicas, and drift repair. */
class UpdatesIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);
    private String namespace;

    @BeforeEach
    void createRouter() {
        namespace = API.newNamespace("updates");
        routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
        routers.awaitReconciled(namespace, "full-router");
    }

    @Test
    void specChangesReachTheDeployment() {
        patchSpec("{\"spec\":{\"image\":{\"tag\":\"v0.2.0\"}}}");
        awaitValue(() -> deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                "ghcr.io/vllm-project/semantic-router/extproc:v0.2.0");
    }

    @Test
    void switchedOffFeaturesArePrunedButThePvcIsKept() {
        assertThat(CLIENT.network().v1().ingresses().inNamespace(namespace).withName("full-router").get()).isNotNull();
        patchSpec("{\"spec\":{\"ingress\":{\"enabled\":false},\"autoscaling\":{\"enabled\":false},"
                + "\"podDisruptionBudget\":{\"enabled\":false},\"persistence\":{\"enabled\":false}}}");

        await("ingress, HPA and PDB pruned").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(CLIENT.network().v1().ingresses().inNamespace(namespace).withName("full-router").get()).isNull();
            assertThat(CLIENT.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace)
                    .withName("full-router").get()).isNull();
            assertThat(CLIENT.policy().v1().podDisruptionBudget().inNamespace(namespace).withName("full-router").get())
                    .isNull();
        });
        routers.awaitReconciled(namespace, "full-router");
        assertThat(CLIENT.persistentVolumeClaims().inNamespace(namespace).withName("full-router-models").get())
                .as("a PVC holds downloaded models: never deleted unless reclaimPolicy Delete").isNotNull();
        assertThat(deployment().getSpec().getReplicas()).as("replicas back under the operator's control").isEqualTo(2);
    }

    @Test
    void configChangeRollsThePods() {
        Map<String, String> before = deployment().getSpec().getTemplate().getMetadata().getAnnotations();
        patchSpec("{\"spec\":{\"config\":{\"semantic_cache\":{\"similarity_threshold\":\"0.9\"}}}}");
        await("pod template annotations change").atMost(TIMEOUT)
                .until(() -> !deployment().getSpec().getTemplate().getMetadata().getAnnotations().equals(before));
        assertThat(CLIENT.configMaps().inNamespace(namespace).withName("full-router-config").get().getData()
                .get("config.yaml")).contains("0.9");
    }

    @Test
    void replicasSetByTheAutoscalerAreNotReverted() {
        CLIENT.apps().deployments().inNamespace(namespace).withName("full-router")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"replicas\":4}}");
        patchSpec("{\"spec\":{\"image\":{\"tag\":\"v0.3.0\"}}}");
        routers.awaitReconciled(namespace, "full-router");
        awaitValue(() -> deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage(),
                "ghcr.io/vllm-project/semantic-router/extproc:v0.3.0");
        assertThat(deployment().getSpec().getReplicas()).isEqualTo(4);
    }

    @Test
    void deletedAndEditedObjectsAreRestored() {
        CLIENT.services().inNamespace(namespace).withName("full-router").delete();
        await("Service restored").atMost(TIMEOUT)
                .until(() -> CLIENT.services().inNamespace(namespace).withName("full-router").get() != null);

        CLIENT.services().inNamespace(namespace).resource(new ServiceBuilder().withNewMetadata().withName("full-router")
                        .endMetadata().withNewSpec().withType("NodePort").endSpec().build())
                .fieldManager("someone-else").forceConflicts().serverSideApply();
        awaitValue(() -> CLIENT.services().inNamespace(namespace).withName("full-router").get().getSpec().getType(),
                "ClusterIP");

        CLIENT.configMaps().inNamespace(namespace).withName("full-router-config")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"data\":{\"config.yaml\":\"tampered: true\"}}");
        await("config restored").atMost(TIMEOUT).until(() -> !CLIENT.configMaps().inNamespace(namespace)
                .withName("full-router-config").get().getData().get("config.yaml").contains("tampered"));
    }

    private Deployment deployment() {
        return CLIENT.apps().deployments().inNamespace(namespace).withName("full-router").get();
    }

    private void patchSpec(String mergePatch) {
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName("full-router")
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    private static <T> void awaitValue(Supplier<T> actual, T expected) {
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> assertThat(actual.get()).isEqualTo(expected));
    }
}
