package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.operator.local.DefaultStorageClass;
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
 * unblocks it without touching the router. An omitted class leaves the choice to the cluster default,
 * and a cluster without a default class is reported.
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
        assertThat(condition(routers.get(namespace, "full-router"), "Stalled")).containsEntry("status", "True")
                .containsEntry("reason", "StorageClassNotFound");
        assertThat(warnings(CLIENT, namespace, "StorageClassNotFound")).as("announced once, not per reconcile").isEqualTo(1);
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
        await("PVC").atMost(TIMEOUT).until(() -> pvc(CLIENT, namespace) != null);
        assertThat(pvc(CLIENT, namespace).getSpec().getStorageClassName())
                .as("the operator names no class; the API server's DefaultStorageClass admission assigns the default")
                .isEqualTo(DefaultStorageClass.NAME);
        await("StorageReady=True").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, "full-router"), "StorageReady"))
                .containsEntry("status", "True").containsEntry("reason", "DefaultStorageClass"));
    }

    /**
     * In a cluster without a default StorageClass, a PVC that names none stays Pending forever:
     * StorageReady and Stalled say so (one Warning event), and a default class marked later clears it.
     */
    @Test
    void aClusterWithoutADefaultClassIsReportedUntilOneIsMarkedDefault() {
        ApiServer bare = ApiServer.withoutDefaultStorageClass("no-default-storage");
        KubernetesClient client = bare.client();
        Routers.installCrd(client);
        try (OperatorUnderTest operator = OperatorUnderTest.start(client)) {
            Routers bareRouters = new Routers(client);
            String namespace = bare.newNamespace("storage-none");
            bareRouters.createWithPrerequisites(bareRouters.fromResource("routers/full-featured.yaml", namespace));

            await("StorageReady=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    condition(bareRouters.get(namespace, "full-router"), "StorageReady"))
                    .containsEntry("status", "False").containsEntry("reason", "NoDefaultStorageClass"));
            GenericKubernetesResource stalled = bareRouters.get(namespace, "full-router");
            assertThat(condition(stalled, "Stalled")).containsEntry("status", "True")
                    .containsEntry("reason", "NoDefaultStorageClass");
            assertThat(String.valueOf(condition(stalled, "StorageReady").get("message")))
                    .contains("spec.persistence.storageClassName", "no default StorageClass", "full-router-models");
            assertThat(pvc(client, namespace)).as("created anyway: it binds once a default appears").isNotNull();
            assertThat(pvc(client, namespace).getSpec().getStorageClassName()).isNull();
            bareRouters.simulateReadyPods(namespace, "full-router");
            await("reconciled again once the pods are ready").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    condition(bareRouters.get(namespace, "full-router"), "Available")).containsEntry("status", "True"));
            assertThat(warnings(client, namespace, "NoDefaultStorageClass")).as("one event per problem").isEqualTo(1);

            DefaultStorageClass.ensure(client);
            await("StorageReady=True once a class is marked default").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    condition(bareRouters.get(namespace, "full-router"), "StorageReady"))
                    .containsEntry("status", "True").containsEntry("reason", "DefaultStorageClass"));
            assertThat(condition(bareRouters.get(namespace, "full-router"), "Stalled")).containsEntry("status", "False");
        } finally {
            bare.stop();
        }
    }

    private static long warnings(KubernetesClient client, String namespace, String reason) {
        return client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> reason.equals(e.getReason()) && "Warning".equals(e.getType()))
                .mapToLong(e -> e.getCount() == null ? 1 : e.getCount()).sum();
    }

    private static PersistentVolumeClaim pvc(String namespace) {
        return pvc(CLIENT, namespace);
    }

    private static PersistentVolumeClaim pvc(KubernetesClient client, String namespace) {
        return client.persistentVolumeClaims().inNamespace(namespace).withName("full-router-models").get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> persistence(GenericKubernetesResource router) {
        return (Map<String, Object>) ((Map<String, Object>) router.getAdditionalProperties().get("spec")).get("persistence");
    }
}
