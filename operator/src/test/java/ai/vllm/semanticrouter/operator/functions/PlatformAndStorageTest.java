package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformAndStorageTest {

    @Test
    void openShiftIsDetectedByTheRouteApiGroup() {
        StaticClusterView view = new StaticClusterView();
        assertThat(Platform.detect(view)).isEqualTo(Platform.KUBERNETES);
        view.serveGroup("route.openshift.io");
        assertThat(Platform.detect(view)).isEqualTo(Platform.OPENSHIFT);
        assertThat(Platform.OPENSHIFT.detectionMessage())
                .isEqualTo("Detected OpenShift platform - will use OpenShift-compatible security contexts");
        assertThat(Platform.KUBERNETES.detectionMessage())
                .isEqualTo("Detected standard Kubernetes platform - will use standard security contexts");
    }

    @Test
    void platformParsesCommandLineValues() {
        assertThat(Platform.parse("OpenShift")).isEqualTo(Platform.OPENSHIFT);
        assertThat(Platform.parse("kubernetes").environmentValue()).isEqualTo("kubernetes");
        assertThatThrownBy(() -> Platform.parse("nomad")).hasMessageContaining("nomad");
    }

    @Test
    void aMissingNamedStorageClassBlocksOnlyThePvc() {
        ObjectNode cr = cr("persistence: {enabled: true, storageClassName: fast}");
        StaticClusterView view = new StaticClusterView();

        StorageVerdict missing = new StorageCheck(view).check(cr);
        assertThat(missing.pvcAllowed()).isFalse();
        assertThat(missing.reason()).isEqualTo("StorageClassNotFound");
        assertThat(missing.message()).contains("StorageClass \"fast\" not found").contains("r-models");

        view.put(yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: fast}}"));
        StorageVerdict found = new StorageCheck(view).check(cr);
        assertThat(found.pvcAllowed()).isTrue();
        assertThat(found.reason()).isEqualTo("StorageClassFound");
    }

    @Test
    void noCheckWithoutPersistenceOrWithAnExistingClaimOrNoClass() {
        StorageCheck check = new StorageCheck(new StaticClusterView());
        assertThat(check.check(cr("persistence: {enabled: false, storageClassName: x}")).reason())
                .isEqualTo("PersistenceDisabled");
        assertThat(check.check(cr("replicas: 1")).reason()).isEqualTo("PersistenceDisabled");
        assertThat(check.check(cr("persistence: {storageClassName: x, existingClaim: mine}")).reason())
                .isEqualTo("ExistingClaim");
    }

    @Test
    void aPvcThatNeedsTheDefaultClassIsNotReadyInAClusterWithoutOne() {
        ObjectNode cr = cr("persistence: {enabled: true}");
        StorageVerdict none = new StorageCheck(new StaticClusterView()).check(cr);
        assertThat(none.reason()).isEqualTo("NoDefaultStorageClass");
        assertThat(none.ready()).isFalse();
        assertThat(none.pvcAllowed()).as("created anyway: it binds once a default class appears").isTrue();
        assertThat(none.message()).contains("spec.persistence.storageClassName", "no default StorageClass",
                "storageclass.kubernetes.io/is-default-class=true");

        StaticClusterView notDefault = new StaticClusterView().put(storageClass("slow", ""));
        assertThat(new StorageCheck(notDefault).check(cr).reason()).isEqualTo("NoDefaultStorageClass");

        for (String annotation : List.of("storageclass.kubernetes.io/is-default-class",
                "storageclass.beta.kubernetes.io/is-default-class")) {
            StaticClusterView withDefault = new StaticClusterView().put(storageClass("slow", ""))
                    .put(storageClass("standard", annotation));
            StorageVerdict found = new StorageCheck(withDefault).check(cr);
            assertThat(found.reason()).isEqualTo("DefaultStorageClass");
            assertThat(found.ready()).isTrue();
            assertThat(found.message()).contains("\"standard\"");
        }
    }

    private static ObjectNode storageClass(String name, String defaultAnnotation) {
        String annotations = defaultAnnotation.isEmpty() ? "{}" : "{" + defaultAnnotation + ": \"true\"}";
        return Objects.yaml("{apiVersion: storage.k8s.io/v1, kind: StorageClass, metadata: {name: " + name
                + ", annotations: " + annotations + "}}");
    }

    @Test
    void environmentHasTheContractShape() {
        ObjectNode cr = cr("""
                gateway: {existingRef: {name: gw, namespace: istio}}
                  persistence: {storageClassName: missing}
                  vllmEndpoints: [{name: e, model: m, backend: {type: service, service: {name: s, port: 80}}}]""");
        StaticClusterView view = new StaticClusterView().put(Objects.service("ns", "s", "", 80));
        Environment environment = new EnvironmentFunctions(view).compute(cr, Platform.OPENSHIFT);
        ObjectNode json = environment.toJson();
        assertThat(json.deepCopy().without(java.util.List.of("router", "models")).toString()).isEqualTo("{\"platform\":\"openshift\","
                + "\"gatewayMode\":\"gateway-integration\",\"endpoints\":[{\"name\":\"e\",\"model\":\"m\","
                + "\"address\":\"s.ns.svc.cluster.local\",\"port\":80,\"weight\":1,\"type\":\"service\",\"tls\":false}],"
                + "\"storage\":{\"pvcAllowed\":false}}");
        assertThat(json.path("router").path("dialect").asText()).isEqualTo("v0.4");
        assertThat(json.path("router").path("defaultModel").asText()).isEqualTo("m");
        assertThat(json.path("router").path("config").path("providers").path("models").get(0).path("name").asText()).isEqualTo("m");
        assertThat(json.path("router").path("envoy").path("routes")).hasSize(2);
        assertThat(json.path("router").path("secretEnv")).isEmpty();
        assertThat(GatewayMode.of(cr("replicas: 1"))).isEqualTo(GatewayMode.STANDALONE);
        assertThat(json.path("models").path("image").asText()).isEqualTo("ghcr.io/vllm-project/semantic-router/extproc:v0.4.0");
        assertThat(json.path("models").path("downloadStep").asBoolean()).isTrue();
    }

    @Test
    void aSingleNodeVolumeForSeveralPodsIsReportedWithTheFixes() {
        StaticClusterView view = new StaticClusterView().put(storageClass("fast", ""));
        StorageVerdict replicas = new StorageCheck(view).check(cr("replicas: 3\n  persistence: {storageClassName: fast}"));
        assertThat(replicas.ready()).isFalse();
        assertThat(replicas.pvcAllowed()).isTrue();
        assertThat(replicas.reason()).isEqualTo("ModelVolumeNotShared");
        assertThat(replicas.message()).contains("spec.persistence.accessMode is ReadWriteOnce", "spec.replicas is 3",
                "r-models", "Multi-Attach", "ReadWriteMany", "spec.persistence.enabled: false");
        StorageVerdict hpa = new StorageCheck(view).check(cr("replicas: 1\n  autoscaling: {enabled: true, maxReplicas: 4}\n"
                + "  persistence: {storageClassName: fast, accessMode: ReadWriteOncePod}"));
        assertThat(hpa.reason()).isEqualTo("ModelVolumeNotShared");
        assertThat(hpa.message()).contains("spec.autoscaling.maxReplicas is 4", "ReadWriteOncePod", "one pod");
        for (String fine : java.util.List.of("replicas: 1\n  persistence: {storageClassName: fast}",
                "replicas: 3\n  persistence: {storageClassName: fast, accessMode: ReadWriteMany}",
                "replicas: 3\n  persistence: {enabled: false}",
                "replicas: 3\n  persistence: {existingClaim: shared}",
                "replicas: 3\n  autoscaling: {enabled: true, maxReplicas: 1}\n  persistence: {storageClassName: fast}")) {
            assertThat(new StorageCheck(view).check(cr(fine)).ready()).as(fine).isTrue();
        }
        // a missing class is the first thing to fix
        assertThat(new StorageCheck(new StaticClusterView()).check(cr("replicas: 3\n  persistence: {storageClassName: fast}"))
                .reason()).isEqualTo("StorageClassNotFound");
    }

    private static ObjectNode cr(String spec) {
        return yaml("metadata: {name: r, namespace: ns}\nspec:\n  " + spec + "\n");
    }
}
