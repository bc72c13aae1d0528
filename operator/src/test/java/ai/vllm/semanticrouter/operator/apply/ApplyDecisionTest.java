package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class ApplyDecisionTest {
    private static final ObjectNode CR = yaml("""
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata: {name: r, namespace: ns, uid: u-1}
            spec: {persistence: {reclaimPolicy: Retain}}
            """);

    @Test
    void createsWhenAbsentSkipsWhenTheLiveObjectHoldsTheIntent() {
        ObjectNode intent = ObjectPreparation.prepare(yaml("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: r, annotations: {semanticrouter.vllm.ai/resource: deployment}}
                spec: {template: {spec: {containers: [{name: router, image: x}]}}}
                """), CR);
        assertThat(ApplyDecision.of(intent, null)).isEqualTo(ApplyDecision.CREATE);

        ObjectNode live = intent.deepCopy();
        live.withObjectProperty("metadata").put("resourceVersion", "12");
        live.withObjectProperty("spec").put("replicas", 3);
        live.withObjectProperty("status").put("readyReplicas", 3);
        assertThat(ApplyDecision.of(intent, live)).isEqualTo(ApplyDecision.UNCHANGED);

        ((ObjectNode) live.at("/spec/template/spec/containers/0")).put("image", "changed-by-someone");
        assertThat(ApplyDecision.of(intent, live)).as("drift").isEqualTo(ApplyDecision.UPDATE);
    }

    @Test
    void aFieldThatLeftTheIntentIsSeenThroughTheHash() {
        ObjectNode before = ObjectPreparation.prepare(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: r-config}
                data: {a: '1', b: '2'}
                """), CR);
        ObjectNode after = ObjectPreparation.prepare(yaml("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: r-config}
                data: {a: '1'}
                """), CR);
        assertThat(LiveMatch.covers(yaml("{data: {a: '1'}}"), before)).as("the subset check alone misses it").isTrue();
        assertThat(ApplyDecision.of(after, before)).isEqualTo(ApplyDecision.UPDATE);
    }

    @Test
    void preparationStampsNamespaceLabelsOwnerAndHashButNoOwnerOnARetainedPvc() {
        ObjectNode deployment = ObjectPreparation.prepare(yaml("{apiVersion: apps/v1, kind: Deployment, metadata: {name: r}}"), CR);
        assertThat(deployment.at("/metadata/namespace").asText()).isEqualTo("ns");
        assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1managed-by").asText()).isEqualTo("semantic-router-operator");
        assertThat(deployment.at("/metadata/labels/app.kubernetes.io~1instance").asText()).isEqualTo("r");
        assertThat(deployment.at("/metadata/ownerReferences/0").toString()).isEqualTo(
                "{\"apiVersion\":\"vllm.ai/v1alpha1\",\"kind\":\"SemanticRouter\",\"name\":\"r\",\"uid\":\"u-1\","
                        + "\"controller\":true,\"blockOwnerDeletion\":true}");
        assertThat(IntentHash.recorded(deployment)).hasSize(32);

        ObjectNode pvc = yaml("{apiVersion: v1, kind: PersistentVolumeClaim, metadata: {name: r-models}}");
        assertThat(ObjectPreparation.prepare(pvc, CR).at("/metadata/ownerReferences").isMissingNode()).isTrue();
        ObjectNode deleting = CR.deepCopy();
        deleting.withObjectProperty("spec").withObjectProperty("persistence").put("reclaimPolicy", "Delete");
        assertThat(ObjectPreparation.prepare(pvc, deleting).at("/metadata/ownerReferences/0/uid").asText()).isEqualTo("u-1");
    }

    @Test
    void anHpaReturnedWithItsMetricsInAnotherOrderIsUnchangedAndItsHashIsTheOneStampedBefore() {
        ObjectNode intent = ObjectPreparation.prepare(yaml("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: r}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: r}
                  minReplicas: 1
                  maxReplicas: 5
                  metrics:
                  - {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 80}}}
                  - {type: Resource, resource: {name: memory, target: {type: Utilization, averageUtilization: 70}}}
                """), CR);
        assertThat(IntentHash.recorded(intent)).as("the applied-hash of releases that compared lists in order")
                .isEqualTo("3bd00bb4d2854a1cd7b5ec356e4ca72c");

        // kube-apiserver 1.26 returns the CPU metric last (it stores HPAs as autoscaling/v1)
        ObjectNode live = intent.deepCopy();
        ArrayNode metrics = (ArrayNode) live.at("/spec/metrics");
        metrics.add(metrics.remove(0));
        live.withObjectProperty("status").put("currentReplicas", 1);
        assertThat(ApplyDecision.of(intent, live)).isEqualTo(ApplyDecision.UNCHANGED);

        ((ObjectNode) live.at("/spec/metrics/1/resource/target")).put("averageUtilization", 90);
        assertThat(ApplyDecision.of(intent, live)).as("a changed target in the reordered list").isEqualTo(ApplyDecision.UPDATE);
    }

    @Test
    void theHashIgnoresKeyOrder() {
        assertThat(IntentHash.of(yaml("{a: 1, b: {c: 2, d: 3}}"))).isEqualTo(IntentHash.of(yaml("{b: {d: 3, c: 2}, a: 1}")));
        assertThat(IntentHash.of(yaml("{a: 1}"))).isNotEqualTo(IntentHash.of(yaml("{a: 2}")));
    }

    @Test
    void anExistingClaimKeepsItsLiveSpecAndOnlyMetadataFollows() {
        ObjectNode intent = ObjectPreparation.prepare(yaml("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: r-models, annotations: {a: new}}
                spec: {accessModes: [ReadWriteMany], storageClassName: fast, resources: {requests: {storage: 20Gi}}}
                """), CR);
        ObjectNode live = yaml("""
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: r-models, namespace: ns}
                spec: {accessModes: [ReadWriteOnce], storageClassName: standard, volumeName: pv-1,
                       resources: {requests: {storage: 10Gi}}}
                """);
        ObjectNode frozen = ClaimSpec.keepLiveSpec(intent, live);
        assertThat(frozen.path("spec").toString()).isEqualTo(
                "{\"accessModes\":[\"ReadWriteOnce\"],\"storageClassName\":\"standard\",\"resources\":{\"requests\":{\"storage\":\"10Gi\"}}}");
        assertThat(frozen.at("/metadata/annotations/a").asText()).isEqualTo("new");
        assertThat(IntentHash.recorded(frozen)).isNotEqualTo(IntentHash.recorded(intent));
        assertThat(ClaimSpec.keepLiveSpec(intent, null)).isSameAs(intent);
    }
}
