package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Kstatus;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static ai.vllm.semanticrouter.it.support.Routers.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What kpt, Flux and every kstatus-based health check read from a SemanticRouter, computed by the real
 * library (sigs.k8s.io/cli-utils kstatus, validators/kstatus) on the CR as the API server returns it,
 * for every state a router goes through: InProgress while work is in flight, Current once converged,
 * Failed with the operator's own message when only the user can help, Terminating, NotFound.
 * Prints the table of states at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KstatusIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Kstatus KSTATUS = Kstatus.shared();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String HOLD = "kstatus.test.vllm.ai/hold";
    private static final List<Row> TABLE = new ArrayList<>();
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    /** One line of the printed table: the state, what kstatus said, and why. */
    private record Row(String state, Kstatus.Result result) {
    }

    @Test
    @Order(1)
    void aRouterIsInProgressUntilItConvergesAndAgainAfterASpecChange() {
        String namespace = API.newNamespace("kstatus-life");
        GenericKubernetesResource router = routers.sample("complexity", namespace);
        spec(router).put("replicas", 2);
        String name = createAndAwaitFirstStatus(router, true);
        assertThat(observe("just created", namespace, name).status()).isEqualTo("InProgress");

        routers.simulateReadyReplicas(namespace, name, 2, 1);
        await("the operator saw 1 of 2 replicas ready").atMost(TIMEOUT).until(() ->
                Integer.valueOf(1).equals(status(routers.get(namespace, name)).get("readyReplicas")));
        assertThat(observe("converging (1 of 2 replicas ready)", namespace, name).status()).isEqualTo("InProgress");

        routers.simulateReadyPods(namespace, name);
        assertThat(awaitKstatus("converged", namespace, name, "Current").message()).isEqualTo("Resource is Ready");

        mergePatch(namespace, name, Map.of("spec", Map.of("replicas", 3)));
        assertThat(observe("spec changed (replicas 2 -> 3)", namespace, name).status()).isEqualTo("InProgress");
        routers.awaitReconciled(namespace, name);
        assertThat(observe("spec changed, reconciled, pods not ready", namespace, name).status()).isEqualTo("InProgress");
        routers.simulateReadyPods(namespace, name);
        awaitKstatus("spec changed, converged", namespace, name, "Current");
    }

    @Test
    @Order(2)
    void aMissingBackendFailsWithTheOperatorsMessageUntilItAppears() {
        String namespace = API.newNamespace("kstatus-backend");
        GenericKubernetesResource router = routers.sample("complexity", namespace);
        String name = createAndAwaitFirstStatus(router, false);

        Kstatus.Result failed = awaitKstatus("missing backend Service", namespace, name, "Failed");
        assertStalledAsTheOperatorSaysIt(failed, namespace, name, "BackendNotFound");
        assertThat(failed.message()).contains("Service " + namespace + "/vllm-llama-70b not found");

        FakeBackends.apply(CLIENT, FakeBackends.forRouter(router));
        await("Stalled=False once the backends exist").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "Stalled")).containsEntry("status", "False"));
        assertThat(observe("backend appeared, pods not ready", namespace, name).status()).isEqualTo("InProgress");
        routers.simulateReadyPods(namespace, name);
        awaitKstatus("backend appeared, converged", namespace, name, "Current");
    }

    @Test
    @Order(3)
    void aMissingStorageClassFails() {
        String namespace = API.newNamespace("kstatus-class");
        String storageClass = "kstatus-missing-" + namespace;
        GenericKubernetesResource router = routers.fromResource("routers/full-featured.yaml", namespace);
        persistence(router).put("storageClassName", storageClass);
        FakeBackends.apply(CLIENT, FakeBackends.forRouter(router));
        String name = createAndAwaitFirstStatus(router, false);

        Kstatus.Result failed = awaitKstatus("missing StorageClass", namespace, name, "Failed");
        assertStalledAsTheOperatorSaysIt(failed, namespace, name, "StorageClassNotFound");
        assertThat(failed.message()).contains(storageClass);
    }

    @Test
    @Order(4)
    void aPvcThatNeedsTheDefaultClassFailsInAClusterWithoutOne() {
        ApiServer bare = ApiServer.withoutDefaultStorageClass("kstatus-no-default");
        Routers.installCrd(bare.client());
        try (OperatorUnderTest operator = OperatorUnderTest.start(bare.client())) {
            Routers bareRouters = new Routers(bare.client());
            String namespace = bare.newNamespace("kstatus-default");
            GenericKubernetesResource router = bareRouters.fromResource("routers/full-featured.yaml", namespace);
            String name = createAndAwaitFirstStatus(bareRouters, router, true);

            Kstatus.Result failed = awaitKstatus("no default StorageClass", bareRouters, namespace, name, "Failed");
            assertStalledAsTheOperatorSaysIt(failed, bareRouters, namespace, name, "NoDefaultStorageClass");
            assertThat(failed.message()).contains("no default StorageClass");
        } finally {
            bare.stop();
        }
    }

    @Test
    @Order(5)
    void aConfigTheRouterWouldRefuseFails() {
        String namespace = API.newNamespace("kstatus-config");
        GenericKubernetesResource router = routers.sample("complexity", namespace);
        decisions(router).add(Map.of("name", "ghost", "priority", 1, "rules", Map.of("operator", "AND", "conditions", List.of()),
                "modelRefs", List.of(Map.of("model", "no-such-model"))));
        String name = createAndAwaitFirstStatus(router, true);

        Kstatus.Result failed = awaitKstatus("router-invalid config", namespace, name, "Failed");
        assertStalledAsTheOperatorSaysIt(failed, namespace, name, "RouterConfigInvalid");
        assertThat(failed.message()).contains("decision 'ghost' references model 'no-such-model'");
    }

    @Test
    @Order(6)
    void aDeletedRouterIsTerminatingWhileHeldThenNotFound() {
        String namespace = API.newNamespace("kstatus-delete");
        GenericKubernetesResource router = routers.sample("complexity", namespace);
        router.getMetadata().setFinalizers(List.of(HOLD));
        String name = createAndAwaitFirstStatus(router, true);
        routers.simulateReadyPods(namespace, name);
        awaitKstatus("before deletion, converged", namespace, name, "Current");

        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name).delete();
        Kstatus.Result terminating = awaitKstatus("CR deleted, held by a finalizer", namespace, name, "Terminating");
        assertThat(terminating.message()).isEqualTo("Resource scheduled for deletion");

        mergePatch(namespace, name, Map.of("metadata", Map.of("finalizers", List.of())));
        Kstatus.Result gone = awaitKstatus("CR gone", namespace, name, "NotFound");
        assertThat(gone.message()).isEqualTo("Resource not found");
    }

    @AfterAll
    static void printTable() {
        int width = TABLE.stream().mapToInt(r -> r.state().length()).max().orElse(5);
        StringBuilder out = new StringBuilder("kstatus (sigs.k8s.io/cli-utils v0.37.2) of a SemanticRouter, state by state:\n");
        out.append(String.format("  %-" + width + "s  %-11s  %s%n", "state", "kstatus", "reason: message"));
        for (Row row : TABLE) {
            Kstatus.Result result = row.result();
            String why = result.error().isEmpty() ? (result.reason().isEmpty() ? "-" : result.reason()) + ": " + result.message()
                    : "error: " + result.error();
            out.append(String.format("  %-" + width + "s  %-11s  %s%n", row.state(), result.status(), why));
        }
        System.out.print(out);
    }

    private String createAndAwaitFirstStatus(GenericKubernetesResource router, boolean withPrerequisites) {
        return createAndAwaitFirstStatus(routers, router, withPrerequisites);
    }

    /** Creates the router (with its backends and storage when asked) and waits for the operator's first status write. */
    private static String createAndAwaitFirstStatus(Routers routers, GenericKubernetesResource router,
                                                    boolean withPrerequisites) {
        GenericKubernetesResource created = withPrerequisites ? routers.createWithPrerequisites(router) : routers.create(router);
        String namespace = created.getMetadata().getNamespace();
        String name = created.getMetadata().getName();
        await("first status of " + namespace + "/" + name).atMost(TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> status(routers.get(namespace, name)).containsKey("observedGeneration"));
        return name;
    }

    /** kstatus of the CR as the API server returns it now, recorded in the table. */
    private Kstatus.Result observe(String state, String namespace, String name) {
        Kstatus.Result result = KSTATUS.read(routers.client(), Routers.CONTEXT, namespace, name);
        assertThat(result.error()).as(result.describe()).isEmpty();
        record(state, result);
        return result;
    }

    private Kstatus.Result awaitKstatus(String state, String namespace, String name, String expected) {
        return awaitKstatus(state, routers, namespace, name, expected);
    }

    /** Waits until kstatus of the CR as the API server returns it is {@code expected}; recorded in the table. */
    private static Kstatus.Result awaitKstatus(String state, Routers routers, String namespace, String name, String expected) {
        Kstatus.Result[] last = {null};
        try {
            await(state + ": kstatus " + expected).atMost(TIMEOUT).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                last[0] = KSTATUS.read(routers.client(), Routers.CONTEXT, namespace, name);
                assertThat(last[0].status()).as(last[0].describe()).isEqualTo(expected);
            });
        } finally {
            if (last[0] != null) {
                record(state, last[0]);
            }
        }
        return last[0];
    }

    private static synchronized void record(String state, Kstatus.Result result) {
        TABLE.add(new Row(state, result));
    }

    private void assertStalledAsTheOperatorSaysIt(Kstatus.Result failed, String namespace, String name, String reason) {
        assertStalledAsTheOperatorSaysIt(failed, routers, namespace, name, reason);
    }

    /** kstatus fails with exactly the operator's Stalled condition: its reason and message. */
    private static void assertStalledAsTheOperatorSaysIt(Kstatus.Result failed, Routers routers, String namespace, String name,
                                                         String reason) {
        Map<String, Object> stalled = condition(routers.get(namespace, name), "Stalled");
        assertThat(stalled).as("Stalled condition").containsEntry("status", "True").containsEntry("reason", reason);
        assertThat(failed.reason()).as(failed.describe()).isEqualTo(reason);
        assertThat(failed.message()).as(failed.describe()).isEqualTo(stalled.get("message")).isNotBlank();
    }

    private static void mergePatch(String namespace, String name, Map<String, Object> patch) {
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> persistence(GenericKubernetesResource router) {
        return (Map<String, Object>) spec(router).get("persistence");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> decisions(GenericKubernetesResource router) {
        Map<String, Object> config = (Map<String, Object>) spec(router).get("config");
        List<Object> decisions = new ArrayList<>((List<Object>) config.get("decisions"));
        config.put("decisions", decisions);
        return decisions;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource router) {
        return (Map<String, Object>) router.getAdditionalProperties().get("spec");
    }
}
