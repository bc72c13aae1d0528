package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Faults the operator must survive: a leader that goes away, another writer fighting over a field we
 * own, and the quiet after convergence (no writes at all).
 */
class FaultsIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration IDLE = Duration.ofSeconds(Long.getLong("it.idleSeconds", 15));
    private final Routers routers = new Routers(CLIENT);

    @Test
    void aStandbyReplicaTakesOverWhenTheLeaderStops() {
        Routers.installCrd(CLIENT);
        String leases = API.newNamespace("leases");
        OperatorUnderTest first = elected(leases, "replica-a");
        OperatorUnderTest second = elected(leases, "replica-b");
        try {
            String namespace = API.newNamespace("leader");
            routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
            routers.awaitReconciled(namespace, "full-router");
            String leader = holder(leases);
            assertThat(leader).isIn("replica-a", "replica-b");

            (leader.equals("replica-a") ? first : second).close();
            GenericKubernetesResource later = routers.fromResource("routers/full-featured.yaml", namespace);
            later.getMetadata().setName("created-meanwhile");
            routers.create(later);

            await("the standby takes over and converges the new router").atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(200)).until(() -> Routers.reconciled(routers.get(namespace, "created-meanwhile")));
            assertThat(holder(leases)).isNotEqualTo(leader);
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void anotherWriterFightingOverAnOwnedFieldIsOutlastedAndThenAllIsQuiet() {
        Routers.installCrd(CLIENT);
        String namespace = API.newNamespace("conflict");
        try (OperatorUnderTest operator = OperatorUnderTest.start(CLIENT)) {
            routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
            routers.awaitReconciled(namespace, "full-router");
            String desired = image(namespace);

            long stormEnds = System.nanoTime() + Duration.ofSeconds(Long.getLong("it.stormSeconds", 8)).toNanos();
            int fights = 0;
            while (System.nanoTime() < stormEnds) {
                CLIENT.apps().deployments().inNamespace(namespace).resource(new DeploymentBuilder()
                                .withNewMetadata().withName("full-router").endMetadata()
                                .withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("semantic-router")
                                .withImage("example.com/someone-else:" + fights).endContainer().endSpec().endTemplate().endSpec()
                                .build())
                        .fieldManager("someone-else").forceConflicts().serverSideApply();
                fights++;
                await("operator restores its image").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                        .until(() -> desired.equals(image(namespace)));
            }
            assertThat(fights).isGreaterThan(3);
            assertThat(image(namespace)).isEqualTo(desired);
            assertQuiet(namespace);
        }
    }

    @Test
    void afterConvergenceTheOperatorWritesNothing() {
        Routers.installCrd(CLIENT);
        String namespace = API.newNamespace("idle");
        try (OperatorUnderTest operator = OperatorUnderTest.start(CLIENT)) {
            routers.createWithPrerequisites(routers.sample("production", namespace));
            GenericKubernetesResource simple = routers.fromResource("routers/full-featured.yaml", namespace);
            routers.createWithPrerequisites(simple);
            routers.awaitReconciled(namespace, "full-router");
            await().atMost(Duration.ofSeconds(30)).until(() -> routers.get(namespace, "semantic-router-production") != null
                    && Routers.reconciled(routers.get(namespace, "semantic-router-production")));
            assertQuiet(namespace);
        }
    }

    /** No object of the namespace (managed objects and the routers) changes during IDLE: zero writes. */
    private void assertQuiet(String namespace) {
        await("settled").pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<String> before = versions(namespace);
        await("quiet for " + IDLE.getSeconds() + " s").pollDelay(IDLE).atMost(IDLE.plusSeconds(5)).until(() -> true);
        assertThat(versions(namespace)).as("resourceVersions after %s s of quiet", IDLE.getSeconds()).isEqualTo(before);
    }

    private List<String> versions(String namespace) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(CLIENT.apps().deployments().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.services().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.configMaps().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.serviceAccounts().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.persistentVolumeClaims().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.network().v1().ingresses().inNamespace(namespace).list().getItems());
        objects.addAll(CLIENT.policy().v1().podDisruptionBudget().inNamespace(namespace).list().getItems());
        return Stream.concat(objects.stream(),
                        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).list().getItems().stream())
                .map(o -> o.getKind() + "/" + o.getMetadata().getName() + "@" + o.getMetadata().getResourceVersion())
                .sorted().toList();
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
        Lease lease = CLIENT.leases().inNamespace(leaseNamespace).withName("semantic-router-operator.vllm.ai").get();
        return lease == null ? null : Objects.toString(lease.getSpec().getHolderIdentity(), null);
    }
}
