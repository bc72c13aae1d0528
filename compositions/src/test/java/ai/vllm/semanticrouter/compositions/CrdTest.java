package ai.vllm.semanticrouter.compositions;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CRD's identity, printer columns, documentation and the defaults a minimal CR relies on. */
class CrdTest {
    private final JsonNode crd = Resources.crd();
    private final JsonNode version = crd.at("/spec/versions/0");
    private final JsonNode schema = version.at("/schema/openAPIV3Schema");

    @Test
    void identity() {
        assertThat(crd.at("/apiVersion").asText()).isEqualTo("apiextensions.k8s.io/v1");
        assertThat(crd.at("/metadata/name").asText()).isEqualTo("semanticrouters.vllm.ai");
        assertThat(crd.at("/spec/group").asText()).isEqualTo("vllm.ai");
        assertThat(crd.at("/spec/scope").asText()).isEqualTo("Namespaced");
        JsonNode names = crd.at("/spec/names");
        assertThat(names.at("/kind").asText()).isEqualTo("SemanticRouter");
        assertThat(names.at("/listKind").asText()).isEqualTo("SemanticRouterList");
        assertThat(names.at("/plural").asText()).isEqualTo("semanticrouters");
        assertThat(names.at("/singular").asText()).isEqualTo("semanticrouter");
        assertThat(names.at("/shortNames").toString()).isEqualTo("[\"sr\"]");
        assertThat(crd.at("/spec/versions").size()).isEqualTo(1);
        assertThat(version.at("/name").asText()).isEqualTo("v1alpha1");
        assertThat(version.at("/served").asBoolean()).isTrue();
        assertThat(version.at("/storage").asBoolean()).isTrue();
        assertThat(version.at("/subresources/status").isObject()).isTrue();
        assertThat(version.at("/subresources/scale").isMissingNode()).isTrue();
    }

    @Test
    void printerColumnsGiveNamePhaseReplicasReadyAge() {
        List<String> columns = new ArrayList<>();
        version.at("/additionalPrinterColumns").forEach(c -> columns.add(c.at("/name").asText() + "=" + c.at("/jsonPath").asText()));
        assertThat(columns).containsExactly(
                "Phase=.status.phase",
                "Replicas=.status.replicas",
                "Ready=.status.readyReplicas",
                "Age=.metadata.creationTimestamp");
    }

    @Test
    void everySpecAndStatusFieldHasADescription() {
        List<String> undocumented = new ArrayList<>();
        walk(schema.at("/properties/spec"), "spec", undocumented);
        walk(schema.at("/properties/status"), "status", undocumented);
        assertThat(undocumented).isEmpty();
    }

    @Test
    void everyFieldOfTheOriginalApiIsThere() {
        JsonNode spec = schema.at("/properties/spec/properties");
        for (String field : List.of("replicas", "image", "imagePullSecrets", "serviceAccount", "service", "resources",
                "podAnnotations", "nodeSelector", "tolerations", "affinity", "env", "args", "securityContext",
                "podSecurityContext", "persistence", "startupProbe", "livenessProbe", "readinessProbe", "autoscaling",
                "ingress", "gateway", "openshift", "vllmEndpoints", "toolsDb", "config",
                // added by us (docs/contracts.md)
                "extensions", "envFrom", "podDisruptionBudget")) {
            assertThat(spec.has(field)).as("spec.%s", field).isTrue();
        }
        assertThat(spec.at("/persistence/properties/reclaimPolicy/default").asText()).isEqualTo("Retain");
        assertThat(spec.at("/extensions/x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
        JsonNode config = spec.at("/config/properties");
        for (String section : List.of("bert_model", "semantic_cache", "tools", "prompt_guard", "classifier",
                "reasoning_families", "default_reasoning_effort", "api", "observability")) {
            assertThat(config.has(section)).as("spec.config.%s", section).isTrue();
        }
        JsonNode status = schema.at("/properties/status/properties");
        for (String field : List.of("phase", "replicas", "readyReplicas", "observedGeneration", "conditions",
                "gatewayMode", "openshiftFeatures")) {
            assertThat(status.has(field)).as("status.%s", field).isTrue();
        }
    }

    @Test
    void defaultsThatMakeACrWithOnlyVllmEndpointsWork() {
        JsonNode spec = schema.at("/properties/spec");
        Map<String, String> expected = Map.ofEntries(
                Map.entry("/properties/replicas/default", "1"),
                Map.entry("/properties/image/properties/repository/default", "ghcr.io/vllm-project/semantic-router/extproc"),
                Map.entry("/properties/image/properties/tag/default", "latest"),
                Map.entry("/properties/image/properties/pullPolicy/default", "IfNotPresent"),
                Map.entry("/properties/service/properties/type/default", "ClusterIP"),
                Map.entry("/properties/service/properties/grpc/properties/port/default", "50051"),
                Map.entry("/properties/service/properties/api/properties/port/default", "8080"),
                Map.entry("/properties/service/properties/metrics/properties/port/default", "9190"),
                Map.entry("/properties/service/properties/metrics/properties/enabled/default", "true"),
                Map.entry("/properties/serviceAccount/properties/create/default", "true"),
                Map.entry("/properties/persistence/properties/enabled/default", "true"),
                Map.entry("/properties/persistence/properties/size/default", "10Gi"),
                Map.entry("/properties/autoscaling/properties/enabled/default", "false"),
                Map.entry("/properties/ingress/properties/enabled/default", "false"),
                Map.entry("/properties/podDisruptionBudget/properties/enabled/default", "false"));
        expected.forEach((pointer, value) -> assertThat(spec.at(pointer).asText()).as(pointer).isEqualTo(value));
        // parents that must exist for the nested defaults to apply
        for (String parent : List.of("/properties/image", "/properties/service", "/properties/service/properties/grpc",
                "/properties/service/properties/api", "/properties/service/properties/metrics", "/properties/serviceAccount")) {
            assertThat(spec.at(parent + "/default").isObject()).as(parent + " default {}").isTrue();
        }
        // persistence stays off unless written; no StorageClass default (the cluster default class is used)
        assertThat(spec.at("/properties/persistence/default").isMissingNode()).isTrue();
        assertThat(spec.at("/properties/persistence/properties/storageClassName/default").isMissingNode()).isTrue();
    }

    /** Every named field needs a description; list items and map values are documented by their field. */
    private static void walk(JsonNode node, String path, List<String> undocumented) {
        walk(node, path, undocumented, true);
    }

    private static void walk(JsonNode node, String path, List<String> undocumented, boolean named) {
        if (named && !node.has("description")) {
            undocumented.add(path);
        }
        node.path("properties").fields().forEachRemaining(e -> walk(e.getValue(), path + "." + e.getKey(), undocumented, true));
        if (node.has("items")) {
            walk(node.get("items"), path + "[]", undocumented, false);
        }
        if (node.path("additionalProperties").isObject()) {
            walk(node.get("additionalProperties"), path + "{}", undocumented, false);
        }
    }
}
