package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.RestartableApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.functions.Platform;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The API server restarts under a running operator (same address, same etcd data, as a control-plane
 * restart): the operator reconnects its watches, converges a router created after the restart,
 * repairs drift made after it, and does not rewrite what was already converged. The server serves
 * the Route CRD, so a platform that flaps while the restarted server is still registering CRDs would
 * show as a rewritten Deployment.
 */
class ApiServerRestartIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static RestartableApiServer api;
    private static KubernetesClient client;
    private static KubernetesClient operatorClient;
    private static OperatorUnderTest operator;

    @BeforeAll
    static void start() {
        api = RestartableApiServer.start("restart");
        client = api.client();
        Routers.installCrd(client);
        Manifests.installCrds(client, "crds/openshift-route-crd.yaml");
        operatorClient = api.newClient();
        operator = OperatorUnderTest.start(operatorClient);
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
            operatorClient.close();
        }
        api.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOperatorReconnectsAndConvergesWithoutRewritingWhatWasConverged() {
        assertThat(operator.runtime().platform()).isEqualTo(Platform.OPENSHIFT);
        String namespace = api.newNamespace("restart");
        Routers routers = new Routers(client);
        routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
        routers.awaitReconciled(namespace, "full-router");
        await("converged before the restart").atMost(TIMEOUT).until(() -> client.apps().deployments()
                .inNamespace(namespace).withName("full-router").get() != null);
        Deployment before = client.apps().deployments().inNamespace(namespace).withName("full-router").get();

        Set<Platform> platformsSeen = ConcurrentHashMap.newKeySet();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(() -> platformsSeen.add(operator.runtime().platform()), 0, 10, TimeUnit.MILLISECONDS);
        Duration downtime = api.restart();
        long back = System.nanoTime();
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName("full-router")
                .edit(router -> {
                    ((Map<String, Object>) ((Map<String, Object>) router.getAdditionalProperties().get("spec"))
                            .get("podDisruptionBudget")).put("maxUnavailable", 2);
                    return router;
                });
        await("the CR changed after the restart converges within 10 s of the server being back")
                .atMost(Duration.ofSeconds(10).minusNanos(System.nanoTime() - back)).pollInterval(Duration.ofMillis(50))
                .until(() -> Routers.reconciled(routers.get(namespace, "full-router"))
                        && Integer.valueOf(2).equals(client.policy().v1().podDisruptionBudget().inNamespace(namespace)
                        .withName("full-router").get().getSpec().getMaxUnavailable().getIntVal()));
        System.out.printf("[restart] API server down %d ms; the changed CR converged %d ms after it was back%n",
                downtime.toMillis(), (System.nanoTime() - back) / 1_000_000);

        GenericKubernetesResource later = routers.fromResource("routers/full-featured.yaml", namespace);
        later.getMetadata().setName("created-after-restart");
        routers.create(later);
        routers.awaitReconciled(namespace, "created-after-restart");
        client.configMaps().inNamespace(namespace).withName("full-router-config").delete();
        await("drift after the restart repaired").atMost(TIMEOUT)
                .until(() -> client.configMaps().inNamespace(namespace).withName("full-router-config").get() != null);

        sampler.shutdownNow();
        assertThat(platformsSeen).as("the platform never flipped while the API server came back (CRDs re-register late)")
                .containsOnly(Platform.OPENSHIFT);
        assertThat(client.apps().deployments().inNamespace(namespace).withName("full-router").get().getMetadata()
                .getResourceVersion())
                .as("the converged Deployment is not rewritten after a %s ms restart", downtime.toMillis())
                .isEqualTo(before.getMetadata().getResourceVersion());
    }
}
