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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the operator must survive: a leader that goes away, and another writer fighting over a field
 * we own, after which "no writes" is counted with watches on every managed kind, the routers and
 * Events (the quiet after convergence is {@link IdleIT}). Durations are system properties so CI can
 * shorten them: it.stormSeconds (20), it.quietSeconds (6).
 */
class FaultsIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
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
            assertThat(leading.reconciles()).as("the leader reconciles").isPositive();
            assertThat(standby.reconciles()).as("the standby reconciles nothing").isZero();

            leading.close();
            GenericKubernetesResource later = routers.fromResource("routers/full-featured.yaml", namespace);
            later.getMetadata().setName("created-meanwhile");
            routers.create(later);

            await("the standby takes over and converges the router created meanwhile").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> Routers.reconciled(routers.get(namespace, "created-meanwhile")));
            assertThat(holder(leases)).isEqualTo(standbyIdentity);
            assertThat(standby.reconciles()).isPositive();
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
                writes.awaitSettled();
                writes.assertNoWritesFor(QUIET);
            }
            assertThat(image(namespace)).isEqualTo(desired);
        }
    }

    private String image(String namespace) {
        return CLIENT.apps().deployments().inNamespace(namespace).withName("full-router").get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
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
