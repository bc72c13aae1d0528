package ai.vllm.semanticrouter.operator.functions;

import ai.vllm.semanticrouter.operator.LogCapture;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log lines the troubleshooting guide tells users to grep for are exact: backend discovery
 * failures ("Failed to discover backend" naming the backend, "No backends found") and platform detection.
 */
class TroubleshootingLogTest {
    private static final ObjectNode CR = yaml("""
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata: {name: router, namespace: models}
            spec:
              vllmEndpoints:
                - name: llama3-8b-endpoint
                  model: llama3-8b
                  backend: {type: kserve, inferenceServiceName: llama-3-8b}
                - name: llama-405b-endpoint
                  model: llama-3.3-70b
                  backend: {type: llamastack, discoveryLabels: {app: llama-stack}}
            """);

    @Test
    void discoveryFailuresAreLoggedWithTheWordsOfTheGuide() {
        String log = LogCapture.stderrOf(() -> new BackendDiscovery(StaticClusterView.of(List.of())).discover(CR));

        assertThat(log).contains("Failed to discover backend").contains("llama3-8b-endpoint").contains("llama-405b-endpoint")
                .contains("No backends found");
    }

    @Test
    void platformDetectionMessagesAreTheGuidesLines() {
        assertThat(Platform.OPENSHIFT.detectionMessage())
                .isEqualTo("Detected OpenShift platform - will use OpenShift-compatible security contexts");
        assertThat(Platform.KUBERNETES.detectionMessage())
                .isEqualTo("Detected standard Kubernetes platform - will use standard security contexts");
    }
}
