package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.WriteRecorder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the operator must survive: a leader that goes away, another writer fighting over a field we
 * own, and the quiet after convergence, where "no writes" is counted with watches on every managed
 * kind, the routers and Events. Durations are system properties so CI can shorten them:
 * it.idleSeconds (60, as the suite runs it), it.stormSeconds (20), it.quietSeconds (6).
 */
class FaultsIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("it.idleSeconds", 60));
    private static final Duration STORM = Duration.ofSeconds(Long.getLong("it.stormSeconds", 20));
    private static final Duration QUIET = Duration.ofSeconds(Long.getLong("it.quietSeconds", 6));
    private static final String LEASE = "semantic-router-operator.vllm.ai";
    private final Routers routers = new Routers(CLIENT);

    @BeforeAll
    static void installCrds() {
        Routers.installCrd(CLIENT);
        Manifests.installCrds(CLIENT, "crds/kserve-inferenceservice-crd.yaml");
    }

    @Test
    void onlyTheLeaderReconcilesAndAStandbyTakesOverWithin20Seconds() {
        String leases = API.newNamespace("leases");
        try (OperatorUnderTest a = elected(leases, "replica-a"); OperatorUnderTest b = elected(leases, "replica-b")) {
            String namespace = API.newNamespace("leader");
            routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
            routers.awaitReconciled(namespace, "full-router");
            String leader = holder(leases);
            assertThat(leader).isIn("replica-a", "replica-b");
            OperatorUnderTest leading = leader.equals("replica-a") ? a : b;
            OperatorUnderTest standby = leading == a ? b : a;
            String standbyIdentity = leading == a ? "replica-b" : "replica-a";
            assertThat(reconciles(leading)).as("the leader reconciles").isPositive();
            assertThat(reconciles(standby)).as("the standby reconciles nothing").isZero();

            leading.close();
            GenericKubernetesResource later = routers.fromResource("routers/full-featured.yaml", namespace);
            later.getMetadata().setName("created-meanwhile");
            routers.create(later);

            await("the standby takes over and converges the router created meanwhile").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Routers.reconciled(routers.get(namespace, "created-meanwhile")));
            assertThat(holder(leases)).isEqualTo(standbyIdentity);
            assertThat(reconciles(standby)).isPositive();
        }
    }

    @Test
    void anotherWriterFightingOverAnOwnedFieldIsOutlastedAndThenNothingIsWritten() {
        String namespace = API.newNamespace("conflict");
        try (OperatorUnderTest operator = OperatorUnderTest.start(CLIENT)) {
            routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
            routers.awaitReconciled(namespace, "full-router");
            String desired = image(namespace);

            long stormEnds = System.nanoTime() + STORM.toNanos();
            int fights = 0;
            while (System.nanoTime() < stormEnds) {
                String theirs = "example.com/someone-else:" + fights++;
                CLIENT.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                                .withNewMetadata().withName("full-router").endMetadata()
                                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("semantic-router")
                                .withImage(theirs).endContainer().endSpec().endTemplate().endSpec().build())
                        .fieldManager("someone-else").forceConflicts().serverSideApply();
                // Paced by the operator's answer: the next blow only once our image is back.
                await("operator restores its image after fight " + fights).atMost(Duration.ofSeconds(10))
                        .pollInterval(Duration.ofMillis(20)).until(() -> desired.equals(image(namespace)));
            }
            assertThat(fights).as("fights in %s s", STORM.getSeconds()).isGreaterThan(5);
            assertThat(image(namespace)).isEqualTo(desired);

            try (WriteRecorder writes = WriteRecorder.start(CLIENT, namespace, WriteRecorder.OPERATOR_KINDS)) {
                awaitSettled(writes);
                assertNoWritesFor(QUIET, writes);
            }
            assertThat(image(namespace)).isEqualTo(desired);
        }
    }

    @Test
    void afterConvergenceTheOperatorWritesNothing() {
        String namespace = API.newNamespace("idle");
        try (OperatorUnderTest operator = OperatorUnderTest.start(CLIENT)) {
            List<String> names = List.of(
                    routers.createWithPrerequisites(routers.sample("production", namespace)).getMetadata().getName(),
                    routers.createWithPrerequisites(routers.sample("simple", namespace)).getMetadata().getName(),
                    routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace))
                            .getMetadata().getName());
            for (String name : names) {
                routers.awaitReconciled(namespace, name);
                routers.simulateReadyPods(namespace, name);
                routers.awaitPhase(namespace, name, "Running");
            }
            try (WriteRecorder writes = WriteRecorder.start(CLIENT, namespace, WriteRecorder.OPERATOR_KINDS)) {
                awaitSettled(writes);
                assertNoWritesFor(IDLE, writes);
            }
        }
    }

    /** Until two looks 2 s apart see the same number of writes (the last reconciles' writes are over). */
    private static void awaitSettled(WriteRecorder writes) {
        AtomicInteger seen = new AtomicInteger(-1);
        await("no write for 2 s").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .until(() -> seen.getAndSet(writes.writes().size()) == writes.writes().size());
    }

    private static void assertNoWritesFor(Duration quiet, WriteRecorder writes) {
        int before = writes.writes().size();
        try {
            await("no write for " + quiet.getSeconds() + " s").during(quiet).atMost(quiet.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(250)).until(() -> writes.writes().size() == before);
        } catch (ConditionTimeoutException e) {
            // reported below, with what was written
        }
        List<String> all = writes.writes();
        assertThat(all.subList(before, all.size())).as("writes during %s s of quiet", quiet.getSeconds()).isEmpty();
    }

    private String image(String namespace) {
        return CLIENT.apps().deployments().inNamespace(namespace).withName("full-router").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    private static double reconciles(OperatorUnderTest operator) {
        return operator.runtime().metrics().controller().reconciles();
    }

    private static OperatorUnderTest elected(String leaseNamespace, String identity) {
        return OperatorUnderTest.start(CLIENT, o -> o.withPorts(-1, -1).withLeaderElection(true, leaseNamespace, identity)
                .withLeaseTimings(Duration.ofSeconds(4), Duration.ofSeconds(3), Duration.ofMillis(500)));
    }

    private static String holder(String leaseNamespace) {
        Lease lease = CLIENT.leases().inNamespace(leaseNamespace).withName(LEASE).get();
        return lease == null ? null : Objects.toString(lease.getSpec().getHolderIdentity(), null);
    }
}
