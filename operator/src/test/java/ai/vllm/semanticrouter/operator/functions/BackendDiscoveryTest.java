package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class BackendDiscoveryTest {
    private static final ObjectNode CR = yaml("""
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata: {name: router, namespace: models}
            spec:
              vllmEndpoints:
                - name: llama
                  model: llama3-8b
                  reasoningFamily: qwen3
                  weight: 0
                  backend: {type: kserve, inferenceServiceName: llama-3-8b}
                - name: stack
                  model: llama-70b
                  weight: 2
                  backend: {type: llamastack, discoveryLabels: {app: llama-stack}}
                - name: qwen
                  model: qwen
                  backend: {type: service, service: {name: vllm-qwen, namespace: other, port: 8000}}
            """);

    @Test
    void resolvesEachBackendTypeInSpecOrder() {
        StaticClusterView view = StaticClusterView.of(java.util.List.of(
                Objects.inferenceService("models", "llama-3-8b"),
                Objects.service("models", "llama-stack-b", "app: llama-stack", 8000)));

        DiscoveryReport report = new BackendDiscovery(view).discover(CR);

        assertThat(report.complete()).isTrue();
        assertThat(report.resolved()).extracting(ResolvedEndpoint::address).containsExactly(
                "llama-3-8b-predictor.models.svc.cluster.local",
                "llama-stack-b.models.svc.cluster.local",
                "vllm-qwen.other.svc.cluster.local");
        assertThat(report.resolved()).extracting(ResolvedEndpoint::port).containsExactly(8443, 8000, 8000);
        assertThat(report.resolved()).extracting(ResolvedEndpoint::tls).containsExactly(true, false, false);
        assertThat(report.resolved().get(0).toJson().toString()).isEqualTo(
                "{\"name\":\"llama\",\"model\":\"llama3-8b\",\"reasoningFamily\":\"qwen3\","
                        + "\"address\":\"llama-3-8b-predictor.models.svc.cluster.local\",\"port\":8443,"
                        + "\"weight\":1,\"type\":\"kserve\",\"tls\":true}");
        assertThat(report.resolved().get(1).toJson().has("reasoningFamily")).isFalse();
    }

    @Test
    void llamaStackPicksTheFirstMatchByNameWhateverTheInsertionOrder() {
        for (String[] order : new String[][] {{"zeta", "alpha", "mid"}, {"mid", "zeta", "alpha"}}) {
            StaticClusterView view = new StaticClusterView();
            for (String name : order) {
                view.put(Objects.service("models", name, "app: llama-stack", name.length() * 1000));
            }
            view.put(Objects.service("models", "aaa-unrelated", "app: other", 1));
            view.put(Objects.service("elsewhere", "aaa", "app: llama-stack", 1));

            ResolvedEndpoint stack = new BackendDiscovery(view).discover(CR).resolved().stream()
                    .filter(e -> e.spec().name().equals("stack")).findFirst().orElseThrow();

            assertThat(stack.address()).isEqualTo("alpha.models.svc.cluster.local");
            assertThat(stack.port()).isEqualTo(5000);
        }
    }

    @Test
    void reportsEveryMissingBackendWithWhatWasLookedFor() {
        DiscoveryReport report = new BackendDiscovery(new StaticClusterView()).discover(CR);

        assertThat(report.resolved()).extracting(e -> e.spec().name()).containsExactly("qwen");
        assertThat(report.failures()).hasSize(2);
        assertThat(report.failureMessage())
                .contains("endpoint 'llama' (kserve): InferenceService models/llama-3-8b not found")
                .contains("endpoint 'stack' (llamastack): no Service in models with labels {app=llama-stack}");
    }

    @Test
    void aServiceWithoutPortsOrAnEmptySelectorFails() {
        ObjectNode cr = yaml("""
                metadata: {name: r, namespace: ns}
                spec:
                  vllmEndpoints:
                    - {name: a, model: m, backend: {type: llamastack, discoveryLabels: {app: x}}}
                    - {name: b, model: m, backend: {type: llamastack}}
                    - {name: c, model: m, backend: {type: kserve}}
                    - {name: d, model: m, backend: {type: carrier-pigeon}}
                """);
        StaticClusterView view = new StaticClusterView().put(yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: noports, namespace: ns, labels: {app: x}}
                spec: {}
                """));

        DiscoveryReport report = new BackendDiscovery(view).discover(cr);

        assertThat(report.resolved()).isEmpty();
        assertThat(report.failures()).extracting(DiscoveryFailure::lookedFor).containsExactly(
                "Service in ns with labels {app=x}: Service noports has no ports",
                "backend.discoveryLabels is empty",
                "backend.inferenceServiceName is empty",
                "unsupported backend type 'carrier-pigeon'");
    }

    @Test
    void kserveFailsWhenTheApiIsNotInstalled() {
        StaticClusterView view = new StaticClusterView();
        DiscoveryReport report = new BackendDiscovery(view).discover(CR);
        assertThat(report.failures().get(0).lookedFor()).contains("KServe API serving.kserve.io/v1beta1 is not installed");
    }
}
