package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.WriteRecorder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Zero writes after convergence, on every API server version the suite runs on (this class is in
 * the core subset of the oldest supported minor). Every sample and the full-featured router
 * converge with their pods ready; then a restarted operator (as after an upgrade) reconciles each of
 * them again against the objects as this API server returns them — lists it may have reordered,
 * defaults it filled in — and neither that nor it.idleSeconds of idling writes anything: no object,
 * no status, no Event. Writes are counted with watches on every managed kind, the routers and Events.
 */
class IdleIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("it.idleSeconds", 60));
    private final Routers routers = new Routers(CLIENT);

    @BeforeAll
    static void installCrds() {
        Routers.installCrd(CLIENT);
        Manifests.installCrds(CLIENT, "crds/kserve-inferenceservice-crd.yaml");
    }

    @Test
    void afterConvergenceARestartedOperatorReconcilesEveryRouterAndNothingIsWrittenWhileIdle() {
        String namespace = API.newNamespace("idle");
        List<String> names;
        try (OperatorUnderTest operator = OperatorUnderTest.start(CLIENT)) {
            names = convergeEverySample(namespace);
        }
        try (WriteRecorder writes = WriteRecorder.start(CLIENT, namespace, WriteRecorder.OPERATOR_KINDS);
             OperatorUnderTest restarted = OperatorUnderTest.start(CLIENT)) {
            await("the restarted operator reconciles all " + names.size() + " routers").atMost(Routers.RECONCILE_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100)).until(() -> restarted.reconciles() >= names.size());
            writes.awaitSettled();
            writes.assertNoWritesSince(0, "writes of a restarted operator reconciling " + names);
            writes.assertNoWritesFor(IDLE);
        }
    }

    private List<String> convergeEverySample(String namespace) {
        List<GenericKubernetesResource> created = new ArrayList<>();
        for (String sample : Routers.SAMPLES) {
            created.add(routers.createWithPrerequisites(routers.sample(sample, namespace)));
        }
        created.add(routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace)));
        List<String> names = created.stream().map(router -> router.getMetadata().getName()).toList();
        for (String name : names) {
            routers.awaitReconciled(namespace, name);
            routers.simulateReadyPods(namespace, name);
            routers.awaitPhase(namespace, name, "Running");
        }
        return names;
    }
}
