package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

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
                Objects.service("models", "llama-stack-b", "app: llama-stack", 8000),
                Objects.service("other", "vllm-qwen", "", 8000)));

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

        // the explicit Service is configured as written all the same
        assertThat(report.resolved()).extracting(ResolvedEndpoint::address).containsExactly("vllm-qwen.other.svc.cluster.local");
        assertThat(report.failures()).hasSize(3);
        assertThat(report.configured()).isEqualTo(3);
        assertThat(report.failureMessage())
                .contains("endpoint 'llama' (kserve): InferenceService models/llama-3-8b not found")
                .contains("endpoint 'stack' (llamastack): no Service in models with labels {app=llama-stack}")
                .contains("endpoint 'qwen' (service): Service other/vllm-qwen not found");
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

    /** A {@code service} backend, the Services the view holds, and the address or the failure expected. */
    record ServiceCase(String name, String backend, String watchOnly, List<String> services, String expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<ServiceCase> serviceCases() {
        return Stream.of(
                new ServiceCase("exists with the port", "{name: qwen, namespace: other, port: 8000}", null,
                        List.of("{name: qwen, namespace: other, ports: [{port: 9090}, {port: 8000}]}"),
                        "qwen.other.svc.cluster.local:8000"),
                new ServiceCase("namespace defaults to the CR's", "{name: qwen, port: 8000}", null,
                        List.of("{name: qwen, namespace: models, ports: [{port: 8000}]}"),
                        "qwen.models.svc.cluster.local:8000"),
                new ServiceCase("missing", "{name: qwen, namespace: other, port: 8000}", null,
                        List.of("{name: qwen, namespace: models, ports: [{port: 8000}]}",
                                "{name: qwen-2, namespace: other, ports: [{port: 8000}]}"),
                        "Service other/qwen not found"),
                new ServiceCase("missing in the CR's namespace", "{name: qwen, port: 8000}", null, List.of(),
                        "Service models/qwen not found"),
                new ServiceCase("port is a targetPort, not a port", "{name: qwen, port: 8000}", null,
                        List.of("{name: qwen, namespace: models, ports: [{port: 80, targetPort: 8000}, {port: 443}]}"),
                        "Service models/qwen has no port 8000 (its ports: 80, 443)"),
                new ServiceCase("no ports at all", "{name: qwen, port: 8000}", null,
                        List.of("{name: qwen, namespace: models}"),
                        "Service models/qwen has no port 8000 (its ports: none)"),
                new ServiceCase("headless: DNS gives the pods, any port", "{name: qwen, port: 8000}", null,
                        List.of("{name: qwen, namespace: models, clusterIP: None, ports: [{port: 80}]}"),
                        "qwen.models.svc.cluster.local:8000"),
                new ServiceCase("ExternalName: DNS gives another host, any port", "{name: qwen, port: 443}", null,
                        List.of("{name: qwen, namespace: models, type: ExternalName, externalName: api.example.com}"),
                        "qwen.models.svc.cluster.local:443"),
                new ServiceCase("unwatched namespace: not checked", "{name: qwen, namespace: other, port: 8000}",
                        "models", List.of(), "qwen.other.svc.cluster.local:8000"),
                new ServiceCase("watched namespace: checked", "{name: qwen, port: 8000}", "models", List.of(),
                        "Service models/qwen not found"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serviceCases")
    void serviceBackendIsConfiguredAndCheckedWhenItsNamespaceIsSeen(ServiceCase c) {
        StaticClusterView view = new StaticClusterView();
        for (String service : c.services()) {
            ObjectNode spec = yaml(service);
            ObjectNode object = yaml("apiVersion: v1\nkind: Service");
            object.putObject("metadata").put("name", spec.remove("name").asText()).put("namespace", spec.remove("namespace").asText());
            object.set("spec", spec);
            view.put(object);
        }
        if (c.watchOnly() != null) {
            view.watchOnly(c.watchOnly());
        }
        ObjectNode cr = yaml("""
                metadata: {name: r, namespace: models}
                spec:
                  vllmEndpoints: [{name: e, model: m, backend: {type: service, service: %s}}]
                """.formatted(c.backend()));

        DiscoveryReport report = new BackendDiscovery(view).discover(cr);

        if (c.expected().startsWith("Service ")) {
            // explicit configuration: kept as written, and the problem reported beside it
            String configured = "qwen." + (c.backend().contains("other") ? "other" : "models") + ".svc.cluster.local";
            assertThat(report.resolved()).extracting(ResolvedEndpoint::address).containsExactly(configured);
            assertThat(report.failures()).extracting(DiscoveryFailure::lookedFor).containsExactly(c.expected());
        } else {
            assertThat(report.failures()).isEmpty();
            assertThat(report.resolved()).extracting(e -> e.address() + ":" + e.port()).containsExactly(c.expected());
        }
    }
}
