package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Kubectl;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The installed operator's permissions are enough: with the generated RBAC applied, the operator runs
 * as its ServiceAccount (kube-api-test is a superuser, so the client impersonates it) and reconciles
 * samples without a single forbidden request.
 */
class OperatorAsServiceAccountIT {
    private static final String NAMESPACE = "semantic-router-operator-system";
    private static final String USER = "system:serviceaccount:" + NAMESPACE + ":semantic-router-operator-controller-manager";
    private static final Path RBAC = Path.of("../olm/generated/config");
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();

    @Test
    void theGeneratedRbacIsEnoughToReconcileSamples() {
        Kubectl kubectl = new Kubectl(API.server().kubeConfigFile());
        kubectl.run("apply", "--server-side", "--force-conflicts", "-f", RBAC.resolve("manager/namespace.yaml").toString());
        kubectl.run("apply", "--server-side", "--force-conflicts", "-k", RBAC.resolve("rbac").toString());
        Routers.installCrd(CLIENT);
        Manifests.installCrds(CLIENT, "crds/kserve-inferenceservice-crd.yaml");
        Config asServiceAccount = new ConfigBuilder(CLIENT.getConfiguration()).withImpersonateUsername(USER)
                .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + NAMESPACE, "system:authenticated")
                .build();
        Routers routers = new Routers(CLIENT);
        try (KubernetesClient operatorClient = new KubernetesClientBuilder().withConfig(asServiceAccount).build();
             OperatorUnderTest operator = OperatorUnderTest.start(operatorClient, o -> o.withLeaderElection(true, NAMESPACE,
                     "rbac-test"))) {
            for (String sample : new String[] {"production", "llamastack"}) {
                String namespace = API.newNamespace("rbac-" + sample);
                GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample(sample, namespace));
                String name = router.getMetadata().getName();
                routers.awaitReconciled(namespace, name);
                // the backend Service may reach the operator's cache after the CR: wait for the level, not the first status
                await(sample + " backends discovered, not degraded").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    GenericKubernetesResource reconciled = routers.get(namespace, name);
                    assertThat(condition(reconciled, "Degraded")).as(sample).containsEntry("status", "False");
                    assertThat(condition(reconciled, "BackendsDiscovered")).as(sample).containsEntry("status", "True");
                });
                assertThat(CLIENT.v1().events().inNamespace(namespace).list().getItems())
                        .noneMatch(e -> e.getMessage() != null && e.getMessage().toLowerCase().contains("forbidden"));
            }
        }
    }
}
