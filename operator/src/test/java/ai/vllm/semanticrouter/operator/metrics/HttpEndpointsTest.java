package ai.vllm.semanticrouter.operator.metrics;

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
        OperatorMetrics registry = OperatorMetrics.create();
        registry.workQueue().added("ns/a");
        AtomicBoolean ready = new AtomicBoolean(false);
        try (HttpEndpoints endpoints = HttpEndpoints.start(0, 0, registry, ready::get)) {
            assertThat(get(endpoints.healthPort(), "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(endpoints.healthPort(), "/readyz").statusCode()).isEqualTo(503);
            ready.set(true);
            assertThat(get(endpoints.healthPort(), "/readyz").statusCode()).isEqualTo(200);
            HttpResponse<String> metrics = get(endpoints.metricsPort(), "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).contains("workqueue_adds_total{controller=\"semanticrouter\",name=\"semanticrouter\"} 1.0");
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
            HttpResponse<String> openMetrics = get(endpoints.metricsPort(), "/metrics",
                    "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5");
            assertThat(openMetrics.headers().firstValue("Content-Type"))
                    .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
            assertThat(openMetrics.body()).contains("# TYPE workqueue_adds counter").endsWith("# EOF\n");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return get(port, path, "*/*");
    }

    private static HttpResponse<String> get(int port, String path, String accept) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }
}
