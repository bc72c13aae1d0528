package ai.vllm.semanticrouter.operator.metrics;

import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kubernetes client's request metrics, as an interceptor of the fabric8 HTTP client: every request
 * the operator sends counts in {@code rest_client_requests_total{code,method,host}} (controller-runtime's
 * client-go adapter; {@code code} is {@code <error>} when no response came) and its time to the response
 * headers in {@code rest_client_request_duration_seconds{verb,host}} (client-go's histogram with
 * component-base's buckets; controller-runtime v0.22 registers only the counter).
 */
public final class RestClientMetrics implements Interceptor {
    static final String INTERCEPTOR = "semantic-router-operator-metrics";
    static final double[] DURATION_BUCKETS = {0.005, 0.025, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0};
    /** Requests still awaiting their response, by request id; bounded in case a request is never answered. */
    private static final int MAX_IN_FLIGHT = 10_000;

    private final Counter requests;
    private final Histogram duration;
    private final Map<UUID, Long> sentAt = new ConcurrentHashMap<>();

    public RestClientMetrics(PrometheusRegistry registry) {
        requests = Counter.builder().name("rest_client_requests_total")
                .help("Number of HTTP requests, partitioned by status code, method, and host.")
                .labelNames("code", "method", "host").register(registry);
        duration = Histogram.builder().name("rest_client_request_duration_seconds")
                .help("Request latency in seconds. Broken down by verb, and host.").labelNames("verb", "host")
                .classicOnly().classicUpperBounds(DURATION_BUCKETS).register(registry);
    }

    /** Makes the client built by {@code builder} report its requests here. */
    public KubernetesClientBuilder instrument(KubernetesClientBuilder builder) {
        return builder.withHttpClientBuilderConsumer(http -> http.addOrReplaceInterceptor(INTERCEPTOR, this));
    }

    /** Called with the request as sent, right before it is sent. */
    @Override
    public AsyncBody.Consumer<List<ByteBuffer>> consumer(AsyncBody.Consumer<List<ByteBuffer>> consumer, HttpRequest request) {
        if (sentAt.size() >= MAX_IN_FLIGHT) {
            sentAt.clear();
        }
        sentAt.put(request.id(), System.nanoTime());
        return consumer;
    }

    @Override
    public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        record(request, Integer.toString(response.code()));
    }

    @Override
    public void afterConnectionFailure(HttpRequest request, Throwable failure) {
        record(request, "<error>");
    }

    private void record(HttpRequest request, String code) {
        String host = host(request.uri());
        requests.labelValues(code, request.method(), host).inc();
        Long sent = sentAt.remove(request.id());
        if (sent != null) {
            duration.labelValues(request.method(), host).observe((System.nanoTime() - sent) / 1e9);
        }
    }

    /** Go's {@code URL.Host}: host and, when the URL names one, port. */
    static String host(URI uri) {
        String host = uri.getHost() == null ? "" : uri.getHost();
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }
}
