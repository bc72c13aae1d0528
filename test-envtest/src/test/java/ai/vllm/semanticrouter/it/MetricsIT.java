package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.PrometheusValidator.Family;
import ai.vllm.semanticrouter.it.support.PrometheusValidator;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.olm.Generate;
import ai.vllm.semanticrouter.olm.MonitoringObjects;
import ai.vllm.semanticrouter.olm.Yaml;
import ai.vllm.semanticrouter.operator.metrics.OperatorMetrics;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /metrics} of a running operator (leader election on, its Kubernetes client instrumented as
 * {@code run} builds it) after it reconciled two SemanticRouters, read by Prometheus' own parsers: every
 * controller-runtime family with its type and label names, the process and JVM families, OpenMetrics
 * negotiation, and the shipped alerts and dashboard naming only metrics the scrape has.
 */
class MetricsIT {
    private static final ApiServer API = ApiServer.shared();
    private static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /** Family (as the text format names it) -> type and label names, controller-runtime v0.22's. */
    private static final Map<String, String> CONTROLLER_RUNTIME = families(
            "controller_runtime_reconcile_total counter controller,result",
            "controller_runtime_reconcile_errors_total counter controller",
            "controller_runtime_terminal_reconcile_errors_total counter controller",
            "controller_runtime_reconcile_panics_total counter controller",
            "controller_runtime_reconcile_time_seconds histogram controller",
            "controller_runtime_active_workers gauge controller",
            "controller_runtime_max_concurrent_reconciles gauge controller",
            "workqueue_depth gauge controller,name,priority",
            "workqueue_adds_total counter controller,name",
            "workqueue_retries_total counter controller,name",
            "workqueue_queue_duration_seconds histogram controller,name",
            "workqueue_work_duration_seconds histogram controller,name",
            "workqueue_unfinished_work_seconds gauge controller,name",
            "workqueue_longest_running_processor_seconds gauge controller,name",
            "rest_client_requests_total counter code,host,method",
            "rest_client_request_duration_seconds histogram host,verb",
            "leader_election_master_status gauge name");
    private static final Map<String, String> PROCESS_AND_JVM = families(
            "process_cpu_seconds_total counter -",
            "process_resident_memory_bytes gauge -",
            "process_virtual_memory_bytes gauge -",
            "process_open_fds gauge -",
            "process_max_fds gauge -",
            "process_start_time_seconds gauge -",
            "jvm_memory_used_bytes gauge area,id",
            "jvm_memory_max_bytes gauge area,id",
            "jvm_gc_memory_allocated_bytes_total counter -",
            "jvm_threads_live_threads gauge -",
            "jvm_threads_states_threads gauge state",
            "jvm_classes_loaded_classes gauge -",
            "semanticrouter_status_condition gauge name,namespace,status,type");

    private static KubernetesClient instrumentedClient;
    private static OperatorUnderTest operator;
    private static Map<String, Family> scraped;

    private static String namespace;

    @BeforeAll
    static void operatorReconciledTwoRouters() throws Exception {
        // the shared API server holds other tests' CRs too: the per-CR gauge is read for this namespace
        KubernetesClient admin = API.client();
        Routers.installCrd(admin);
        Manifests.installCrds(admin, "crds/kserve-inferenceservice-crd.yaml");
        String leaseNamespace = API.newNamespace("metrics-lease");
        OperatorMetrics metrics = OperatorMetrics.create();
        instrumentedClient = metrics.restClient().instrument(new KubernetesClientBuilder()
                .withConfig(admin.getConfiguration())).build();
        operator = OperatorUnderTest.start(instrumentedClient,
                o -> o.withLeaderElection(true, leaseNamespace, "metrics-it"), metrics);
        Routers routers = new Routers(admin);
        namespace = API.newNamespace("metrics");
        for (String sample : List.of("simple", "llamastack")) {
            GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample(sample, namespace));
            routers.awaitReconciled(namespace, router.getMetadata().getName());
        }
        HttpResponse<byte[]> text = scrape("*/*");
        assertThat(text.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        PrometheusValidator.Result parsed = PrometheusValidator.scrape(text.body(), contentType(text));
        assertThat(parsed.ok()).as(parsed.describe()).isTrue();
        scraped = PrometheusValidator.families(parsed);
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        if (instrumentedClient != null) {
            instrumentedClient.close();
        }
    }

    @Test
    void everyControllerRuntimeFamilyHasItsTypeAndLabels() {
        assertThat(actual(CONTROLLER_RUNTIME.keySet())).isEqualTo(CONTROLLER_RUNTIME);
        assertThat(scraped).doesNotContainKey("controller_runtime_reconcile_time_seconds_max");
    }

    @Test
    void processAndJvmFamiliesAreThere() {
        assertThat(actual(PROCESS_AND_JVM.keySet())).isEqualTo(PROCESS_AND_JVM);
    }

    @Test
    void valuesComeFromWhatTheOperatorDid() {
        assertThat(value("controller_runtime_reconcile_total", Map.of("result", "success"))).isPositive();
        assertThat(value("controller_runtime_max_concurrent_reconciles", Map.of())).isEqualTo(2);
        assertThat(value("workqueue_adds_total", Map.of())).isGreaterThanOrEqualTo(2);
        assertThat(value("leader_election_master_status", Map.of("name", "semantic-router-operator.vllm.ai"))).isEqualTo(1);
        String host = URI.create(API.client().getConfiguration().getMasterUrl()).getAuthority();
        assertThat(value("rest_client_requests_total", Map.of("code", "200", "method", "GET", "host", host))).isPositive();
        assertThat(value("rest_client_requests_total", Map.of("method", "PATCH"))).as("server-side applies").isPositive();
        assertThat(value("semanticrouter_status_condition", Map.of("type", "Ready", "namespace", namespace)))
                .as("one Ready series per SemanticRouter of this test").isEqualTo(2);
        assertThat(value("process_open_fds", Map.of())).isPositive();
    }

    @Test
    void openMetricsIsServedWhenAskedFor() throws Exception {
        HttpResponse<byte[]> response = scrape("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(OPEN_METRICS);
        PrometheusValidator.Result parsed = PrometheusValidator.scrape(response.body(), contentType(response));
        assertThat(parsed.ok()).as(parsed.describe()).isTrue();
        Map<String, Family> openMetrics = PrometheusValidator.families(parsed);
        // OpenMetrics names a counter family without _total; its samples keep it.
        assertThat(openMetrics.get("controller_runtime_reconcile").type()).isEqualTo("counter");
        assertThat(openMetrics.get("workqueue_adds").labels()).containsExactly("controller", "name");
        assertThat(openMetrics.get("controller_runtime_reconcile_time_seconds").type()).isEqualTo("histogram");
        assertThat(openMetrics.get("rest_client_request_duration_seconds").labels()).containsExactly("host", "verb");
        assertThat(openMetrics).hasSameSizeAs(scraped);
    }

    @Test
    void alertsParseAndSelectOnlyScrapedMetrics() throws IOException {
        String rule = Files.readString(generated().resolve("config/prometheus/prometheus_rule.yaml"));
        PrometheusValidator.Result loaded = PrometheusValidator.rules(rule);
        assertThat(loaded.ok()).as(loaded.describe()).isTrue();
        List<String> alerts = new ArrayList<>();
        for (JsonNode r : loaded.summary()) {
            alerts.add(r.path("name").asText());
            // `up` is the one series Prometheus itself writes for every target.
            assertThat(unknown(r.path("metrics"), Set.of("up"))).as("alert %s", r.path("name").asText()).isEmpty();
        }
        assertThat(alerts).containsExactly("SemanticRouterOperatorDown", "SemanticRouterReconcileErrorsRising",
                "SemanticRouterWorkQueueStuck", "SemanticRouterReconcileHanging", "SemanticRouterStalled");
    }

    @Test
    void dashboardQueriesParseAndSelectOnlyScrapedMetrics() throws IOException {
        JsonNode configMap = Yaml.documents(Files.readString(
                generated().resolve("config/prometheus/grafana_dashboard.yaml"))).get(0);
        PrometheusValidator.Result panels = PrometheusValidator.queries(
                configMap.path("data").path(MonitoringObjects.DASHBOARD_KEY).asText());
        assertThat(panels.ok()).as(panels.describe()).isTrue();
        assertThat(panels.summary().size()).isGreaterThanOrEqualTo(20);
        for (JsonNode query : panels.summary()) {
            assertThat(unknown(query.path("metrics"), Set.of())).as("panel %s: %s", query.path("panel").asText(),
                    query.path("expr").asText()).isEmpty();
        }
    }

    /** Metric names an expression selects that no scraped family has as a sample name. */
    private static Set<String> unknown(JsonNode metrics, Set<String> synthetic) {
        Set<String> samples = new HashSet<>(synthetic);
        for (Family f : scraped.values()) {
            samples.add(f.name());
            if (f.type().equals("histogram") || f.type().equals("summary")) {
                samples.addAll(List.of(f.name() + "_bucket", f.name() + "_count", f.name() + "_sum"));
            }
        }
        Set<String> unknown = new TreeSet<>();
        metrics.forEach(m -> {
            if (!samples.contains(m.asText())) {
                unknown.add(m.asText());
            }
        });
        return unknown;
    }

    /** The sum of the family's series whose labels include {@code labels}. */
    private static double value(String family, Map<String, String> labels) {
        assertThat(scraped).containsKey(family);
        double sum = 0;
        for (JsonNode series : scraped.get(family).series()) {
            boolean matches = labels.entrySet().stream()
                    .allMatch(e -> e.getValue().equals(series.path("labels").path(e.getKey()).asText()));
            if (matches) {
                sum += series.path("value").asDouble();
            }
        }
        return sum;
    }

    private static Map<String, String> actual(Set<String> names) {
        Map<String, String> actual = new LinkedHashMap<>();
        for (String name : names) {
            Family f = scraped.get(name);
            actual.put(name, f == null ? "missing" : f.type() + " " + (f.labels().isEmpty() ? "-" : String.join(",", f.labels())));
        }
        return actual;
    }

    private static Map<String, String> families(String... rows) {
        Map<String, String> families = new LinkedHashMap<>();
        for (String row : rows) {
            String[] parts = row.split(" ", 2);
            families.put(parts[0], parts[1]);
        }
        return families;
    }

    private static HttpResponse<byte[]> scrape(String accept) throws Exception {
        int port = operator.runtime().httpEndpoints().metricsPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static Path generated() {
        return Generate.repositoryRoot(Path.of("")).resolve(Generate.OUTPUT);
    }
}
