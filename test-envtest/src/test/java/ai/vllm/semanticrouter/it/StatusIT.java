package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Kubectl;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static ai.vllm.semanticrouter.it.support.Routers.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Status follows the Deployment: Pending, Progressing, Running; conditions say why; columns as the seed shows. */
class StatusIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);
    private final Kubectl kubectl = new Kubectl(API.server().kubeConfigFile());

    @Test
    void phaseFollowsReadyReplicas() {
        String namespace = API.newNamespace("status");
        GenericKubernetesResource router = routers.sample("simple", namespace);
        router.getMetadata().setName("my-router");
        withSpec(router, "replicas", 2);
        // two pods share the models volume: ReadWriteMany, else ModelVolumeNotShared keeps Ready False (RouterPodIT)
        withSpec(router, "persistence", java.util.Map.of("enabled", true, "accessMode", "ReadWriteMany"));
        routers.createWithPrerequisites(router);

        GenericKubernetesResource pending = routers.awaitPhase(namespace, "my-router", "Pending");
        assertThat(condition(pending, "Ready")).containsEntry("status", "False").containsKey("reason").containsKey("message");
        assertThat(condition(pending, "BackendsDiscovered")).containsEntry("status", "True");

        routers.simulateReadyReplicas(namespace, "my-router", 2, 1);
        GenericKubernetesResource progressing = routers.awaitPhase(namespace, "my-router", "Progressing");
        assertThat(status(progressing)).containsEntry("replicas", 2).containsEntry("readyReplicas", 1);

        routers.simulateReadyReplicas(namespace, "my-router", 2, 2);
        GenericKubernetesResource running = routers.awaitPhase(namespace, "my-router", "Running");
        assertThat(condition(running, "Ready")).containsEntry("status", "True");
        assertThat(condition(running, "Available")).containsEntry("status", "True");
        assertThat(status(running)).containsEntry("gatewayMode", "standalone");

        String table = kubectl.run("get", "semanticrouter", "my-router", "-n", namespace);
        assertThat(table.lines().findFirst().orElseThrow().split("\\s+"))
                .containsExactly("NAME", "PHASE", "REPLICAS", "READY", "AGE");
        assertThat(table.lines().skip(1).findFirst().orElseThrow().split("\\s+")).startsWith("my-router", "Running", "2", "2");
        kubectl.run("wait", "--for=condition=Ready", "semanticrouter/my-router", "-n", namespace, "--timeout=10s");
    }

    @Test
    void observedGenerationFollowsSpecChanges() {
        String namespace = API.newNamespace("status-gen");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("simple", namespace));
        String name = router.getMetadata().getName();
        GenericKubernetesResource first = routers.awaitReconciled(namespace, name);

        withSpec(first, "replicas", 3);
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).resource(first).update();
        GenericKubernetesResource second = routers.awaitReconciled(namespace, name);

        assertThat(second.getMetadata().getGeneration()).isGreaterThan(first.getMetadata().getGeneration());
        assertThat(((Number) status(second).get("observedGeneration")).longValue())
                .isEqualTo(second.getMetadata().getGeneration());
        assertThat(CLIENT.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getReplicas())
                .isEqualTo(3);
    }

    @SuppressWarnings("unchecked")
    static void withSpec(GenericKubernetesResource router, String field, Object value) {
        ((Map<String, Object>) router.getAdditionalProperties().get("spec")).put(field, value);
    }
}
