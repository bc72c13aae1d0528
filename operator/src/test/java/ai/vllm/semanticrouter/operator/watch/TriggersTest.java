package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.ObjectKey;
import ai.vllm.semanticrouter.operator.controller.RouterKey;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.vllm.semanticrouter.operator.functions.Objects.inferenceService;
import static ai.vllm.semanticrouter.operator.functions.Objects.service;
import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class TriggersTest {
    private static final ObjectNode KSERVE_CR = yaml("""
            metadata: {name: a, namespace: ns}
            spec:
              persistence: {storageClassName: fast}
              vllmEndpoints: [{name: e, model: m, backend: {type: kserve, inferenceServiceName: isvc}}]
            """);
    private static final ObjectNode LLAMA_CR = yaml("""
            metadata: {name: b, namespace: ns}
            spec:
              vllmEndpoints:
                - {name: e, model: m, backend: {type: llamastack, discoveryLabels: {app: stack}}}
                - {name: f, model: m, backend: {type: service, service: {name: shared, namespace: infra, port: 80}}}
            """);
    private static final List<ObjectNode> CRS = List.of(KSERVE_CR, LLAMA_CR);

    @Test
    void crEventsTriggerOnlyWhenMoreThanStatusChanged() {
        ObjectNode before = yaml("{metadata: {name: a, namespace: ns, resourceVersion: '1', generation: 1}, spec: {x: 1}}");
        ObjectNode statusOnly = before.deepCopy();
        statusOnly.withObjectProperty("metadata").put("resourceVersion", "2");
        statusOnly.withObjectProperty("status").put("phase", "Running");
        Triggers triggers = new Triggers(new OwnWrites(late -> { }));
        assertThat(keys(triggers, Triggers.CR, before, statusOnly)).isEmpty();
        ObjectNode specChanged = statusOnly.deepCopy();
        specChanged.withObjectProperty("spec").put("x", 2);
        assertThat(keys(triggers, Triggers.CR, statusOnly, specChanged)).containsExactly("ns/a");
        ObjectNode labelled = statusOnly.deepCopy();
        labelled.withObjectProperty("metadata").withObjectProperty("labels").put("team", "x");
        assertThat(keys(triggers, Triggers.CR, statusOnly, labelled)).containsExactly("ns/a");
        ObjectNode fieldGone = statusOnly.deepCopy();
        fieldGone.remove("spec");
        assertThat(keys(triggers, Triggers.CR, statusOnly, fieldGone)).containsExactly("ns/a");
        assertThat(keys(triggers, Triggers.CR, null, before)).containsExactly("ns/a");
        assertThat(keys(triggers, Triggers.CR, before, null)).containsExactly("ns/a");
    }

    @Test
    void managedObjectsTriggerTheirInstance() {
        ObjectNode deployment = yaml("""
                metadata:
                  name: a
                  namespace: ns
                  labels: {app.kubernetes.io/managed-by: semantic-router-operator, app.kubernetes.io/instance: a}
                """);
        assertThat(keys(triggersOf(CRS), new Kind("apps/v1", "Deployment"), null, deployment)).containsExactly("ns/a");
    }

    @Test
    void backendsAndStorageClassesTriggerTheCrsThatWaitOnThem() {
        Triggers triggers = triggersOf(CRS);
        assertThat(keys(triggers, Triggers.INFERENCE_SERVICE, null, inferenceService("ns", "isvc"))).containsExactly("ns/a");
        assertThat(keys(triggers, Triggers.INFERENCE_SERVICE, null, inferenceService("other", "isvc"))).isEmpty();
        assertThat(keys(triggers, Triggers.SERVICE, null, service("ns", "anything", "app: x", 80))).containsExactly("ns/b");
        assertThat(keys(triggers, Triggers.SERVICE, null, service("infra", "shared", "", 80))).containsExactly("ns/b");
        assertThat(keys(triggers, Triggers.SERVICE, null, service("infra", "other", "", 80))).isEmpty();
        ObjectNode storageClass = yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}}");
        assertThat(keys(triggers, Triggers.STORAGE_CLASS, null, storageClass)).containsExactly("ns/a");
    }

    @Test
    void theIndexFollowsTheCrsThatChangeWhatTheyReadOrGo() {
        Triggers triggers = triggersOf(CRS);
        ObjectNode repointed = LLAMA_CR.deepCopy();
        ((ObjectNode) repointed.at("/spec/vllmEndpoints/1/backend/service")).put("name", "moved");
        keys(triggers, Triggers.CR, LLAMA_CR, repointed);
        assertThat(keys(triggers, Triggers.SERVICE, null, service("infra", "shared", "", 80))).isEmpty();
        assertThat(keys(triggers, Triggers.SERVICE, null, service("infra", "moved", "", 80))).containsExactly("ns/b");
        keys(triggers, Triggers.CR, repointed, null);
        assertThat(keys(triggers, Triggers.SERVICE, null, service("infra", "moved", "", 80))).isEmpty();
        assertThat(keys(triggers, Triggers.SERVICE, null, service("ns", "anything", "app: x", 80))).isEmpty();
        assertThat(keys(triggers, Triggers.INFERENCE_SERVICE, null, inferenceService("ns", "isvc"))).containsExactly("ns/a");
    }

    @Test
    void anyStorageClassTriggersTheCrsWhosePvcNeedsTheDefaultOne() {
        ObjectNode needsDefault = yaml("{metadata: {name: c, namespace: ns}, spec: {persistence: {enabled: true}}}");
        ObjectNode existingClaim = yaml("{metadata: {name: d, namespace: ns}, spec: {persistence: {existingClaim: mine}}}");
        ObjectNode disabled = yaml("{metadata: {name: e, namespace: ns}, spec: {persistence: {enabled: false}}}");
        ObjectNode standard = yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: standard}}");
        assertThat(keys(triggersOf(List.of(KSERVE_CR, LLAMA_CR, needsDefault, existingClaim, disabled)),
                Triggers.STORAGE_CLASS, null, standard)).containsExactly("ns/c");
    }

    @Test
    void theEchoOfAnOwnApplyReconcilesOnlyTheCrsThatReadTheObject() {
        OwnWrites ownWrites = new OwnWrites(late -> { });
        Triggers triggers = new Triggers(ownWrites);
        CRS.forEach(cr -> triggers.keys(Triggers.CR, null, cr));
        ObjectNode applied = yaml("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: a
                  namespace: ns
                  resourceVersion: '5'
                  labels: {app.kubernetes.io/managed-by: semantic-router-operator, app.kubernetes.io/instance: a}
                """);
        ownWrites.applying(ObjectKey.of(applied));
        ownWrites.applied(ObjectKey.of(applied), applied);

        assertThat(keys(triggers, Triggers.SERVICE, null, applied)).as("the echo: not its owner, still its readers")
                .containsExactly("ns/b");
        ObjectNode changedByOthers = applied.deepCopy();
        changedByOthers.withObjectProperty("metadata").put("resourceVersion", "6");
        assertThat(keys(triggers, Triggers.SERVICE, applied, changedByOthers)).containsExactly("ns/a", "ns/b");
        assertThat(keys(triggers, Triggers.SERVICE, null, applied)).as("an echo comes once").containsExactly("ns/a", "ns/b");
    }

    @Test
    void anEventArrivingWhileItsApplyIsInFlightWaitsForTheAnswer() {
        List<ObjectNode> late = new java.util.ArrayList<>();
        OwnWrites ownWrites = new OwnWrites(late::add);
        Triggers triggers = new Triggers(ownWrites);
        ObjectNode echo = yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: a
                  namespace: ns
                  resourceVersion: '7'
                  labels: {app.kubernetes.io/managed-by: semantic-router-operator, app.kubernetes.io/instance: a}
                """);
        Kind deployment = new Kind("apps/v1", "Deployment");

        ownWrites.applying(ObjectKey.of(echo));
        assertThat(keys(triggers, deployment, null, echo)).as("held while the apply is in flight").isEmpty();
        ownWrites.applied(ObjectKey.of(echo), echo);
        assertThat(late).as("it was the echo").isEmpty();

        ObjectNode answer = echo.deepCopy();
        answer.withObjectProperty("metadata").put("resourceVersion", "9");
        ownWrites.applying(ObjectKey.of(echo));
        assertThat(keys(triggers, deployment, null, echo)).isEmpty();
        ownWrites.applied(ObjectKey.of(answer), answer);
        assertThat(late).as("another version than the apply's: its owner is reconciled late").containsExactly(echo);
        assertThat(Triggers.owner(echo)).contains(new RouterKey("ns", "a"));
    }

    /** Triggers that have seen these CRs created, as the informer's initial list delivers them. */
    private static Triggers triggersOf(List<ObjectNode> crs) {
        Triggers triggers = new Triggers(new OwnWrites(late -> { }));
        crs.forEach(cr -> triggers.keys(Triggers.CR, null, cr));
        return triggers;
    }

    /** The keys as "namespace/name", as the work queue logs them. */
    private static List<String> keys(Triggers triggers, Kind kind, ObjectNode before, ObjectNode after) {
        return triggers.keys(kind, before, after).stream().map(RouterKey::toString).toList();
    }
}
