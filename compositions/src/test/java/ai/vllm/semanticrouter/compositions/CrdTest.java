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
                "extensions", "envFrom", "podDisruptionBudget", "configDialect")) {
            assertThat(spec.has(field)).as("spec.%s", field).isTrue();
        }
        assertThat(spec.at("/persistence/properties/reclaimPolicy/default").asText()).isEqualTo("Retain");
        assertThat(spec.at("/extensions/x-kubernetes-preserve-unknown-fields").asBoolean()).isTrue();
        JsonNode config = spec.at("/config/properties");
        for (String section : List.of("bert_model", "semantic_cache", "tools", "prompt_guard", "classifier",
                "reasoning_families", "default_reasoning_effort", "api", "observability",
                // sections of the newest upstream operator (3540a34)
                "response_cache", "embedding_models", "complexity_rules", "decisions", "strategy", "routing")) {
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
                Map.entry("/properties/image/properties/tag/default", "v0.4.0"),
                Map.entry("/properties/image/properties/pullPolicy/default", "IfNotPresent"),
                Map.entry("/properties/service/properties/type/default", "ClusterIP"),
                Map.entry("/properties/service/properties/grpc/properties/port/default", "50051"),
                Map.entry("/properties/service/properties/api/properties/port/default", "8080"),
                Map.entry("/properties/service/properties/metrics/properties/port/default", "9190"),
                Map.entry("/properties/service/properties/metrics/properties/enabled/default", "true"),
                Map.entry("/properties/serviceAccount/properties/create/default", "true"),
                Map.entry("/properties/persistence/properties/enabled/default", "true"),
                Map.entry("/properties/autoscaling/properties/enabled/default", "false"),
                Map.entry("/properties/ingress/properties/enabled/default", "false"),
                Map.entry("/properties/podDisruptionBudget/properties/enabled/default", "false"));
        expected.forEach((pointer, value) -> assertThat(spec.at(pointer).asText()).as(pointer).isEqualTo(value));
        // parents that must exist for the nested defaults to apply
        for (String parent : List.of("/properties/image", "/properties/service", "/properties/service/properties/grpc",
                "/properties/service/properties/api", "/properties/service/properties/metrics", "/properties/serviceAccount")) {
            assertThat(spec.at(parent + "/default").isObject()).as(parent + " default {}").isTrue();
        }
        // persistence stays off unless written; no StorageClass default (the cluster default class is used);
        // no size default: the operator sizes the volume for the config's models
        assertThat(spec.at("/properties/persistence/properties/size/default").isMissingNode()).isTrue();
        assertThat(spec.at("/properties/persistence/default").isMissingNode()).isTrue();
        assertThat(spec.at("/properties/persistence/properties/storageClassName/default").isMissingNode()).isTrue();
    }

    @Test
    void responseCacheAndItsDeprecatedAliasHaveTheSameFields() {
        JsonNode config = schema.at("/properties/spec/properties/config/properties");
        JsonNode response = config.at("/response_cache/properties");
        JsonNode semantic = config.at("/semantic_cache/properties");
        assertThat(semantic).isEqualTo(response);
        assertThat(config.at("/semantic_cache/description").asText()).contains("Deprecated alias of response_cache");
        for (String backend : List.of("redis", "valkey", "milvus", "qdrant")) {
            assertThat(response.has(backend)).as(backend).isTrue();
        }
        assertThat(response.at("/backend_type/enum").toString())
                .isEqualTo("[\"memory\",\"redis\",\"valkey\",\"milvus\",\"qdrant\",\"hybrid\"]");
        assertThat(response.at("/embedding_model/enum").toString()).isEqualTo("[\"bert\",\"qwen3\",\"gemma\",\"mmbert\"]");
        for (String secretRef : List.of("/redis/properties/connection/properties/password_secret_ref",
                "/valkey/properties/connection/properties/password_secret_ref",
                "/milvus/properties/connection/properties/auth/properties/password_secret_ref")) {
            assertThat(response.at(secretRef + "/required").toString()).as(secretRef).isEqualTo("[\"name\",\"key\"]");
        }
    }

    @Test
    void configDialectAndTheDefaultImageTagAreExplained() {
        JsonNode spec = schema.at("/properties/spec/properties");
        assertThat(spec.at("/configDialect/enum").toString()).isEqualTo("[\"auto\",\"flat\",\"v0.3\",\"v0.4\"]");
        assertThat(spec.at("/configDialect/default").isMissingNode()).isTrue();
        assertThat(spec.at("/configDialect/description").asText())
                .startsWith("Format of the router's config.yaml. auto (default) follows the router version the image tag names")
                .contains("`latest` gets v0.4 with a condition");
        assertThat(spec.at("/image/properties/tag/description").asText()).contains("v0.4.0").contains("latest follows the router's main branch");
    }

    /**
     * Thresholds and rates take a number (0.8, as the seed's configuration reference writes them) or
     * a string ("0.8"). A structural schema has no number-or-string type and kube-apiserver cannot
     * compile a CEL rule on a field without a type, so these fields have no type and keep every value
     * keyword that applies to one kind: the pattern for strings, 0..1 for numbers, and contradictory
     * bounds that refuse objects, arrays and (through not/enum) booleans.
     */
    @Test
    void everyThresholdTakesANumberOrAString() {
        List<String> fractions = new ArrayList<>();
        collectUntyped(schema.at("/properties/spec"), "spec", fractions);
        assertThat(fractions).contains(
                "spec.config.bert_model.threshold",
                "spec.config.response_cache.similarity_threshold",
                "spec.config.semantic_cache.similarity_threshold",
                "spec.config.tools.similarity_threshold",
                "spec.config.prompt_guard.threshold",
                "spec.config.classifier.category_model.threshold",
                "spec.config.classifier.pii_model.threshold",
                "spec.config.api.batch_classification.metrics.sample_rate",
                "spec.config.api.batch_classification.metrics.duration_buckets[]",
                "spec.config.observability.tracing.sampling.rate",
                "spec.config.embedding_models.embedding_config.min_score_threshold",
                "spec.config.complexity_rules[].threshold");
        List<String> stringFractions = new ArrayList<>();
        findStringFractions(schema.at("/properties/spec"), "spec", stringFractions);
        assertThat(stringFractions).as("fractions still typed string").isEmpty();
    }

    private static void collectUntyped(JsonNode node, String path, List<String> out) {
        if (!node.has("type") && node.has("pattern")) {
            assertThat(node.path("x-kubernetes-preserve-unknown-fields").asBoolean()).as(path).isTrue();
            assertThat(node.has("x-kubernetes-validations")).as(path + ": kube-apiserver compiles no CEL on an untyped field").isFalse();
            assertThat(node.at("/not/enum").toString()).as(path).isEqualTo("[true,false]");
            assertThat(node.at("/maxProperties").asInt(-1)).as(path).isZero();
            assertThat(node.at("/maxItems").asInt(-1)).as(path).isZero();
            out.add(path);
        }
        node.path("properties").fields().forEachRemaining(e -> collectUntyped(e.getValue(), path + "." + e.getKey(), out));
        if (node.has("items")) {
            collectUntyped(node.get("items"), path + "[]", out);
        }
    }

    private static void findStringFractions(JsonNode node, String path, List<String> out) {
        if ("string".equals(node.path("type").asText()) && node.path("pattern").asText().startsWith("^0(")) {
            out.add(path);
        }
        node.path("properties").fields().forEachRemaining(e -> findStringFractions(e.getValue(), path + "." + e.getKey(), out));
        if (node.has("items")) {
            findStringFractions(node.get("items"), path + "[]", out);
        }
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
