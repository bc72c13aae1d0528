package ai.vllm.semanticrouter.operator.metrics;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class HttpEndpointsTest {

    @Test
    void servesHealthReadinessAndMetrics() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new ControllerMetrics(registry).added();
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HttpEndpoints endpoints = HttpEndpoints.start(0, 0, registry, ready::get)) {
            assertThat(get(endpoints.healthPort(), "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(endpoints.healthPort(), "/readyz").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(endpoints.healthPort(), "/readyz").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get(endpoints.metricsPort(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("workqueue_adds_total{controller=\"semanticrouter\",name=\"semanticrouter\"} 1.0");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
