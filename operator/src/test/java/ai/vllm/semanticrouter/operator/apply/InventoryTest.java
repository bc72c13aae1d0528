package ai.vllm.semanticrouter.operator.apply;

import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class InventoryTest {
    private static final List<Kind> KINDS = List.of(new Kind("v1", "ConfigMap"), Kind.PERSISTENT_VOLUME_CLAIM,
            new Kind("autoscaling/v2", "HorizontalPodAutoscaler"));

    @Test
    void prunesWhatNoLongerRendersButNeverARetainedPvcOrAFailedTemplate() {
        StaticClusterView view = StaticClusterView.of(List.of(
                managed("v1", "ConfigMap", "r-config", "r", "config"),
                managed("v1", "ConfigMap", "r-old", "r", "old-template"),
                managed("v1", "ConfigMap", "other-config", "other", "config"),
                managed("v1", "PersistentVolumeClaim", "r-models", "r", "pvc"),
                managed("autoscaling/v2", "HorizontalPodAutoscaler", "r", "r", "hpa"),
                yaml("{apiVersion: v1, kind: ConfigMap, metadata: {name: unmanaged, namespace: ns}}")));
        ObjectNode cr = cr("Retain");
        Inventory inventory = Inventory.of(view, KINDS, cr);

        assertThat(inventory.byResourceName()).containsOnlyKeys("config", "old-template", "pvc", "hpa");
        Set<ObjectKey> rendered = Set.of(new ObjectKey("v1", "ConfigMap", "ns", "r-config"));
        assertThat(inventory.pruneCandidates(rendered, Set.of("hpa"), cr))
                .extracting(o -> o.at("/metadata/name").asText()).containsExactly("r-old");
        assertThat(inventory.pruneCandidates(rendered, Set.of(), cr("Delete")))
                .extracting(o -> o.at("/metadata/name").asText()).containsExactly("r-old", "r-models", "r");
    }

    @Test
    void aRenamedObjectIsPrunedUnderItsOldName() {
        StaticClusterView view = StaticClusterView.of(List.of(managed("v1", "ConfigMap", "old-name", "r", "config")));
        Inventory inventory = Inventory.of(view, KINDS, cr("Retain"));
        Set<ObjectKey> rendered = Set.of(new ObjectKey("v1", "ConfigMap", "ns", "new-name"));
        assertThat(inventory.pruneCandidates(rendered, Set.of(), cr("Retain"))).hasSize(1);
    }

    private static ObjectNode cr(String reclaimPolicy) {
        return yaml("{metadata: {name: r, namespace: ns, uid: u}, spec: {persistence: {reclaimPolicy: " + reclaimPolicy + "}}}");
    }

    private static ObjectNode managed(String apiVersion, String kind, String name, String instance, String template) {
        return yaml("""
                apiVersion: %s
                kind: %s
                metadata:
                  name: %s
                  namespace: ns
                  labels: {app.kubernetes.io/managed-by: semantic-router-operator, app.kubernetes.io/instance: %s}
                  annotations: {semanticrouter.vllm.ai/resource: %s}
                """.formatted(apiVersion, kind, name, instance, template));
    }
}
