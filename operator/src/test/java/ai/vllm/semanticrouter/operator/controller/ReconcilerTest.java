package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.operator.apply.ObjectKey;
import ai.vllm.semanticrouter.operator.catalog.CompositionCatalog;
import ai.vllm.semanticrouter.operator.crd.CrAdmission;
import ai.vllm.semanticrouter.operator.functions.Objects;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** The reconciler with the built-in compositions against an in-memory cluster. */
class ReconcilerTest {
    private static CompositionSet compositions;

    @BeforeAll
    static void loadCompositions() {
        compositions = CompositionCatalog.builtIn();
    }

    @Test
    void createsTheObjectsThenIdlesWithZeroWrites() {
        FakeCluster cluster = clusterWith(cr("persistence: {enabled: false}"));
        Reconciler reconciler = reconciler(cluster);

        assertThat(reconciler.reconcile("team", "demo")).isInstanceOf(ReconcileResult.Success.class);
        assertThat(cluster.applied).contains(
                new ObjectKey("apps/v1", "Deployment", "team", "demo"),
                new ObjectKey("v1", "ConfigMap", "team", "demo-config"),
                new ObjectKey("v1", "Service", "team", "demo"));
        assertThat(cluster.events).as("one event names every created object").singleElement().asString()
                .startsWith("Normal Created Created ").contains("Deployment team/demo", "ConfigMap team/demo-config",
                        "Service team/demo");
        ObjectNode deployment = cluster.get("apps/v1", "Deployment", "team", "demo");
        assertThat(deployment.at("/metadata/ownerReferences/0/uid").asText()).isEqualTo("uid-1");
        assertThat(deployment.at("/metadata/annotations/semanticrouter.vllm.ai~1resource").asText()).isNotEmpty();
        assertThat(cluster.statusPatches).hasSize(1);
        assertThat(status(cluster).path("phase").asText()).isEqualTo("Pending");

        cluster.clearRecords();
        reconciler.reconcile("team", "demo");
        assertThat(cluster.applied).as("idle means idle").isEmpty();
        assertThat(cluster.statusPatches).isEmpty();
        assertThat(cluster.deleted).isEmpty();
        assertThat(cluster.events).isEmpty();
    }

    @Test
    void becomesReadyWhenTheDeploymentIsReady() {
        FakeCluster cluster = clusterWith(cr("persistence: {enabled: false}"));
        Reconciler reconciler = reconciler(cluster);
        reconciler.reconcile("team", "demo");
        ObjectNode deployment = cluster.get("apps/v1", "Deployment", "team", "demo");
        deployment.set("status", yaml("{replicas: 1, readyReplicas: 1}"));
        cluster.view.put(deployment);

        reconciler.reconcile("team", "demo");

        assertThat(status(cluster).path("phase").asText()).isEqualTo("Running");
        assertThat(condition(cluster, "Ready").path("status").asText()).isEqualTo("True");
        assertThat(status(cluster).path("readyReplicas").asInt()).isEqualTo(1);
    }

    @Test
    void aMissingStorageClassBlocksOnlyThePvcUntilItExists() {
        FakeCluster cluster = clusterWith(cr("persistence: {enabled: true, storageClassName: fast, size: 1Gi}"));
        Reconciler reconciler = reconciler(cluster);
        reconciler.reconcile("team", "demo");
        assertThat(cluster.applied).doesNotContain(pvc()).contains(new ObjectKey("apps/v1", "Deployment", "team", "demo"));
        assertThat(condition(cluster, "StorageReady").path("reason").asText()).isEqualTo("StorageClassNotFound");
        assertThat(cluster.events).anyMatch(e -> e.startsWith("Warning StorageClassNotFound"));

        cluster.view.put(yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}}"));
        cluster.clearRecords();
        reconciler.reconcile("team", "demo");
        assertThat(cluster.applied).contains(pvc());
        assertThat(cluster.get("v1", "PersistentVolumeClaim", "team", "demo-models").at("/metadata/ownerReferences").isMissingNode())
                .as("retained PVC has no owner").isTrue();
        assertThat(condition(cluster, "StorageReady").path("status").asText()).isEqualTo("True");
    }

    @Test
    void aRetainedPvcIsNeverPrunedADeletablePvcIs() {
        FakeCluster cluster = clusterWith(cr("persistence: {enabled: true, storageClassName: fast, size: 1Gi}"));
        cluster.view.put(yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}}"));
        Reconciler reconciler = reconciler(cluster);
        reconciler.reconcile("team", "demo");
        assertThat(cluster.get("v1", "PersistentVolumeClaim", "team", "demo-models")).isNotNull();

        cluster.view.put(cr("persistence: {enabled: false}"));
        reconciler.reconcile("team", "demo");
        assertThat(cluster.deleted).doesNotContain(pvc());

        cluster.view.put(cr("persistence: {enabled: true, storageClassName: fast, size: 1Gi, reclaimPolicy: Delete}"));
        reconciler.reconcile("team", "demo");
        cluster.view.put(cr("persistence: {enabled: false, reclaimPolicy: Delete}"));
        cluster.clearRecords();
        reconciler.reconcile("team", "demo");
        assertThat(cluster.deleted).contains(pvc());
        assertThat(cluster.events).filteredOn(e -> e.startsWith("Normal ")).singleElement().asString()
                .contains("deleted PersistentVolumeClaim team/demo-models (no longer rendered)");
    }

    @Test
    void aBackendThatAppearsLaterIsPickedUp() {
        FakeCluster cluster = clusterWith(cr("""
                persistence: {enabled: false}
                  vllmEndpoints: [{name: e1, model: m1, backend: {type: kserve, inferenceServiceName: isvc}}]"""));
        Reconciler reconciler = reconciler(cluster);
        reconciler.reconcile("team", "demo");
        assertThat(condition(cluster, "BackendsDiscovered").path("status").asText()).isEqualTo("False");
        assertThat(condition(cluster, "BackendsDiscovered").path("message").asText()).contains("isvc");
        assertThat(cluster.events).anyMatch(e -> e.startsWith("Warning BackendNotFound"));
        String before = cluster.get("v1", "ConfigMap", "team", "demo-config").path("data").toString();
        assertThat(before).doesNotContain("isvc-predictor");

        cluster.view.put(Objects.inferenceService("team", "isvc"));
        cluster.clearRecords();
        reconciler.reconcile("team", "demo");
        assertThat(cluster.applied).contains(new ObjectKey("v1", "ConfigMap", "team", "demo-config"));
        assertThat(cluster.get("v1", "ConfigMap", "team", "demo-config").path("data").toString())
                .contains("isvc-predictor.team.svc.cluster.local");
        assertThat(condition(cluster, "BackendsDiscovered").path("status").asText()).isEqualTo("True");
    }

    @Test
    void underAnHpaTheReplicasAreLeftAlone() {
        FakeCluster cluster = clusterWith(cr("""
                persistence: {enabled: false}
                  autoscaling: {enabled: true, minReplicas: 2, maxReplicas: 5, targetCPUUtilizationPercentage: 70}"""));
        Reconciler reconciler = reconciler(cluster);
        reconciler.reconcile("team", "demo");
        ObjectNode deployment = cluster.get("apps/v1", "Deployment", "team", "demo");
        assertThat(deployment.at("/spec/replicas").isMissingNode()).isTrue();
        assertThat(cluster.applied).contains(new ObjectKey("autoscaling/v2", "HorizontalPodAutoscaler", "team", "demo"));
        deployment.withObjectProperty("spec").put("replicas", 4);
        cluster.view.put(deployment);

        cluster.clearRecords();
        reconciler.reconcile("team", "demo");
        assertThat(cluster.applied).isEmpty();
    }

    @Test
    void aCrThatSlippedPastAdmissionIsReportedAndItsObjectsAreLeftAlone() {
        FakeCluster cluster = clusterWith(cr("persistence: {enabled: false}"));
        Reconciler reconciler = reconciler(cluster);
        reconciler.reconcile("team", "demo");
        int managed = cluster.applied.size();
        assertThat(managed).isPositive();

        ObjectNode slipped = cr("persistence: {enabled: false}");
        slipped.withObjectProperty("metadata").put("generation", 2);
        slipped.withObjectProperty("spec").withObjectProperty("persistence").put("enabled", true)
                .put("existingClaim", "mine").put("storageClassName", "fast");
        slipped.set("status", status(cluster));
        cluster.view.put(slipped);
        cluster.clearRecords();
        assertThat(reconciler.reconcile("team", "demo")).isInstanceOf(ReconcileResult.Success.class);

        assertThat(cluster.applied).as("nothing applied").isEmpty();
        assertThat(cluster.deleted).as("nothing pruned").isEmpty();
        assertThat(condition(cluster, "Stalled").path("reason").asText()).isEqualTo("InvalidSpec");
        assertThat(condition(cluster, "Stalled").path("message").asText())
                .contains("spec.persistence", "existingClaim and storageClassName cannot both be set");
        assertThat(condition(cluster, "Ready").path("status").asText()).isEqualTo("False");
        assertThat(condition(cluster, "Reconciling").path("status").asText()).isEqualTo("False");
        assertThat(status(cluster).path("observedGeneration").asLong()).isEqualTo(2);
        assertThat(cluster.events).containsExactly("Warning InvalidSpec " + condition(cluster, "Stalled").path("message").asText());

        cluster.clearRecords();
        reconciler.reconcile("team", "demo");
        assertThat(cluster.events).as("announced once").isEmpty();
        assertThat(cluster.statusPatches).as("idle while nothing changes").isEmpty();

        ObjectNode fixed = cr("persistence: {enabled: false, storageClassName: fast}");
        fixed.withObjectProperty("metadata").put("generation", 3);
        fixed.set("status", status(cluster));
        cluster.view.put(fixed);
        reconciler.reconcile("team", "demo");
        assertThat(condition(cluster, "Stalled").path("status").asText()).isEqualTo("False");
    }

    @Test
    void aDeletedOrMissingCrIsNothingToDo() {
        FakeCluster cluster = new FakeCluster();
        assertThat(reconciler(cluster).reconcile("team", "absent")).isInstanceOf(ReconcileResult.Success.class);
        assertThat(cluster.applied).isEmpty();
    }

    private static ObjectKey pvc() {
        return new ObjectKey("v1", "PersistentVolumeClaim", "team", "demo-models");
    }

    private static Reconciler reconciler(FakeCluster cluster) {
        return new Reconciler(cluster.view, cluster, new RenderPass(compositions, cluster.view), Clock.systemUTC());
    }

    private static FakeCluster clusterWith(ObjectNode cr) {
        FakeCluster cluster = new FakeCluster();
        cluster.view.put(cr);
        return cluster;
    }

    /** A CR as the API server stores it: CRD defaults applied, uid and generation set. */
    static ObjectNode cr(String spec) {
        ObjectNode raw = yaml("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo, namespace: team, uid: uid-1, generation: 1}
                spec:
                  %s
                """.formatted(spec));
        CrAdmission.Admitted admitted = CrAdmission.fromClasspath().admit(raw);
        assertThat(admitted.violations()).isEmpty();
        return admitted.cr();
    }

    private static JsonNode status(FakeCluster cluster) {
        return cluster.get("vllm.ai/v1alpha1", "SemanticRouter", "team", "demo").path("status");
    }

    private static JsonNode condition(FakeCluster cluster, String type) {
        for (JsonNode condition : status(cluster).path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        throw new AssertionError("no condition " + type + " in " + status(cluster));
    }
}
