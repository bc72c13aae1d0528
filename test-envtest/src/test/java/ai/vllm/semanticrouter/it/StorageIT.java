package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A named StorageClass that does not exist blocks only the PVC, with a condition; creating it later
 * unblocks it without touching the router. An omitted class leaves the choice to the cluster default.
 */
class StorageIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    @Test
    void aMissingStorageClassBlocksOnlyThePvcUntilItExists() {
        String namespace = API.newNamespace("storage");
        String storageClass = "fast-ssd-" + namespace;
        GenericKubernetesResource router = routers.fromResource("routers/full-featured.yaml", namespace);
        persistence(router).put("storageClassName", storageClass);
        FakeBackends.apply(CLIENT, FakeBackends.forRouter(router)); // its Service backend, but not the StorageClass
        routers.create(router);

        await("StorageReady=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, "full-router"), "StorageReady"))
                .containsEntry("status", "False").containsEntry("reason", "StorageClassNotFound"));
        assertThat(String.valueOf(condition(routers.get(namespace, "full-router"), "StorageReady").get("message")))
                .contains(storageClass);
        assertThat(CLIENT.apps().deployments().inNamespace(namespace).withName("full-router").get()).isNotNull();
        assertThat(CLIENT.services().inNamespace(namespace).withName("full-router").get()).isNotNull();
        assertThat(CLIENT.configMaps().inNamespace(namespace).withName("full-router-config").get()).isNotNull();
        assertThat(pvc(namespace)).as("no PVC while the StorageClass is missing").isNull();
        long generation = routers.get(namespace, "full-router").getMetadata().getGeneration();

        routers.ensureStorageClass(storageClass);
        await("PVC created once the class exists").atMost(TIMEOUT).until(() -> pvc(namespace) != null);
        assertThat(pvc(namespace).getSpec().getStorageClassName()).isEqualTo(storageClass);
        assertThat(routers.get(namespace, "full-router").getMetadata().getGeneration()).as("the router was not touched")
                .isEqualTo(generation);
        await("StorageReady=True").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, "full-router"), "StorageReady")).containsEntry("status", "True"));
    }

    @Test
    void anOmittedClassLeavesTheChoiceToTheClusterDefault() {
        String namespace = API.newNamespace("storage-default");
        routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
        await("PVC").atMost(TIMEOUT).until(() -> pvc(namespace) != null);
        assertThat(pvc(namespace).getSpec().getStorageClassName()).as("no 'standard' default").isNull();
    }

    private static PersistentVolumeClaim pvc(String namespace) {
        return CLIENT.persistentVolumeClaims().inNamespace(namespace).withName("full-router-models").get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> persistence(GenericKubernetesResource router) {
        return (Map<String, Object>) ((Map<String, Object>) router.getAdditionalProperties().get("spec")).get("persistence");
    }
}
