package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.Kstatus;
import ai.vllm.semanticrouter.it.support.Routers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kstatus tool itself (validators/kstatus, sigs.k8s.io/cli-utils v0.37.2), on hand-written
 * SemanticRouters: what the library answers for each convention KstatusIT relies on.
 */
class KstatusToolIT {
    private static final Kstatus KSTATUS = Kstatus.shared();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stalledTrueIsFailedWithTheConditionsReasonAndMessage() {
        Kstatus.Result result = KSTATUS.of(router(2, 2, condition("Ready", "False", "BackendNotFound", "not ready"),
                condition("Stalled", "True", "BackendNotFound", "Service ns/vllm-qwen not found"),
                condition("Reconciling", "False", "Stalled", "")));
        assertThat(result).as(result.describe())
                .isEqualTo(new Kstatus.Result("Failed", "Service ns/vllm-qwen not found", "BackendNotFound", ""));
    }

    @Test
    void reconcilingTrueIsInProgress() {
        Kstatus.Result result = KSTATUS.of(router(2, 2, condition("Ready", "False", "ReplicasNotReady", ""),
                condition("Stalled", "False", "Reconciling", ""),
                condition("Reconciling", "True", "ReplicasNotReady", "1 of 2 replicas ready")));
        assertThat(result).as(result.describe())
                .isEqualTo(new Kstatus.Result("InProgress", "1 of 2 replicas ready", "ReplicasNotReady", ""));
    }

    @Test
    void anObservedGenerationBehindIsInProgressEvenWhenStalledOrReady() {
        for (JsonNode condition : List.of(condition("Stalled", "True", "BackendNotFound", "gone"),
                condition("Ready", "True", "Ready", ""))) {
            Kstatus.Result result = KSTATUS.of(router(3, 2, condition));
            assertThat(result).as(result.describe()).isEqualTo(new Kstatus.Result("InProgress",
                    "SemanticRouter generation is 3, but latest observed generation is 2", "LatestGenerationNotObserved", ""));
        }
    }

    @Test
    void aDeletionTimestampIsTerminatingWhateverTheConditions() {
        ObjectNode router = router(2, 2, condition("Stalled", "True", "BackendNotFound", "gone"));
        ((ObjectNode) router.path("metadata")).put("deletionTimestamp", "2025-01-01T00:00:00Z");
        assertThat(KSTATUS.of(router)).isEqualTo(new Kstatus.Result("Terminating", "Resource scheduled for deletion", "", ""));
    }

    @Test
    void convergedIsCurrent() {
        Kstatus.Result result = KSTATUS.of(router(2, 2, condition("Ready", "True", "Ready", "2 of 2"),
                condition("Stalled", "False", "Converged", ""), condition("Reconciling", "False", "Converged", "")));
        assertThat(result).as(result.describe()).isEqualTo(new Kstatus.Result("Current", "Resource is Ready", "", ""));
    }

    @Test
    void aGoneObjectIsNotFound() {
        Kstatus.Result result = KSTATUS.of(Kstatus.notFound(Routers.CONTEXT, "ns", "my-router"));
        assertThat(result).isEqualTo(new Kstatus.Result("NotFound", "Resource not found", "", ""));
    }

    @Test
    void fabric8ObjectsAreSentAsTheApiServerWroteThem() {
        GenericKubernetesResource router = Serialization.unmarshal(router(4, 4,
                condition("Stalled", "True", "StorageClassNotFound", "StorageClass fast-ssd not found")).toString(),
                GenericKubernetesResource.class);
        assertThat(KSTATUS.of(router)).isEqualTo(new Kstatus.Result("Failed", "StorageClass fast-ssd not found",
                "StorageClassNotFound", ""));
    }

    @Test
    void eachObjectOfOneRunGetsItsOwnAnswerAndBadInputNamesItsLine() {
        List<Kstatus.Result> results = KSTATUS.ofAll(List.of(router(1, 1), JSON.createObjectNode().put("kind", "Thing"),
                Kstatus.notFound(Routers.CONTEXT, "ns", "gone")));
        assertThat(results).extracting(Kstatus.Result::status).containsExactly("Current", "", "NotFound");
        assertThat(results.get(1).error()).isEqualTo("stdin:2: not a Kubernetes object: apiVersion is missing or not a string");
    }

    @Test
    void aMissingToolIsReportedWithWhatToRun() {
        Kstatus.Result result = Kstatus.at(Path.of("/nonexistent/kstatus")).of(router(1, 1));
        assertThat(result.describe()).contains("/nonexistent/kstatus is not built")
                .contains("test-envtest/validators/kstatus/build.sh");
    }

    private static ObjectNode router(long generation, long observedGeneration, JsonNode... conditions) {
        ObjectNode router = JSON.createObjectNode().put("apiVersion", "vllm.ai/v1alpha1").put("kind", "SemanticRouter");
        router.putObject("metadata").put("name", "my-router").put("namespace", "ns").put("generation", generation);
        ObjectNode status = router.putObject("status").put("observedGeneration", observedGeneration);
        ArrayNode list = status.putArray("conditions");
        for (JsonNode condition : conditions) {
            list.add(condition);
        }
        return router;
    }

    private static JsonNode condition(String type, String status, String reason, String message) {
        return JSON.createObjectNode().put("type", type).put("status", status).put("reason", reason).put("message", message)
                .put("lastTransitionTime", "2025-01-01T00:00:00Z");
    }
}
