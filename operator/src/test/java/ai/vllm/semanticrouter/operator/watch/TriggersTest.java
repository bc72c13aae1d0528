package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
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
        assertThat(keys(Triggers.CR, before, statusOnly, List::of)).isEmpty();
        ObjectNode specChanged = statusOnly.deepCopy();
        specChanged.withObjectProperty("spec").put("x", 2);
        assertThat(keys(Triggers.CR, statusOnly, specChanged, List::of)).containsExactly("ns/a");
        assertThat(keys(Triggers.CR, null, before, List::of)).containsExactly("ns/a");
        assertThat(keys(Triggers.CR, before, null, List::of)).containsExactly("ns/a");
    }

    @Test
    void managedObjectsTriggerTheirInstance() {
        ObjectNode deployment = yaml("""
                metadata:
                  name: a
                  namespace: ns
                  labels: {app.kubernetes.io/managed-by: semantic-router-operator, app.kubernetes.io/instance: a}
                """);
        assertThat(keys(new Kind("apps/v1", "Deployment"), null, deployment, () -> CRS)).containsExactly("ns/a");
    }

    @Test
    void backendsAndStorageClassesTriggerTheCrsThatWaitOnThem() {
        assertThat(keys(Triggers.INFERENCE_SERVICE, null, inferenceService("ns", "isvc"), () -> CRS))
                .containsExactly("ns/a");
        assertThat(keys(Triggers.INFERENCE_SERVICE, null, inferenceService("other", "isvc"), () -> CRS)).isEmpty();
        assertThat(keys(Triggers.SERVICE, null, service("ns", "anything", "app: x", 80), () -> CRS))
                .containsExactly("ns/b");
        assertThat(keys(Triggers.SERVICE, null, service("infra", "shared", "", 80), () -> CRS))
                .containsExactly("ns/b");
        assertThat(keys(Triggers.SERVICE, null, service("infra", "other", "", 80), () -> CRS)).isEmpty();
        ObjectNode storageClass = yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}}");
        assertThat(keys(Triggers.STORAGE_CLASS, null, storageClass, () -> CRS)).containsExactly("ns/a");
    }

    @Test
    void anyStorageClassTriggersTheCrsWhosePvcNeedsTheDefaultOne() {
        ObjectNode needsDefault = yaml("{metadata: {name: c, namespace: ns}, spec: {persistence: {enabled: true}}}");
        ObjectNode existingClaim = yaml("{metadata: {name: d, namespace: ns}, spec: {persistence: {existingClaim: mine}}}");
        ObjectNode disabled = yaml("{metadata: {name: e, namespace: ns}, spec: {persistence: {enabled: false}}}");
        ObjectNode standard = yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: standard}}");
        assertThat(keys(Triggers.STORAGE_CLASS, null, standard,
                () -> List.of(KSERVE_CR, LLAMA_CR, needsDefault, existingClaim, disabled))).containsExactly("ns/c");
    }

    /** The keys as "namespace/name", as the work queue logs them. */
    private static List<String> keys(Kind kind, ObjectNode before, ObjectNode after, java.util.function.Supplier<List<ObjectNode>> crs) {
        return Triggers.keys(kind, before, after, crs).stream().map(RouterKey::toString).toList();
    }
}
