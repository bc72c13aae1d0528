package ai.vllm.semanticrouter.operator.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.expositionformats.OpenMetricsTextFormatWriter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.ProcessMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The operator's one metrics registry: a Prometheus registry holding controller-runtime's families
 * ({@link ControllerMetrics}, {@link WorkQueueMetrics}, {@link RestClientMetrics},
 * {@link LeaderElectionMetrics}), the SemanticRouters' conditions ({@link ConditionMetrics}), the
 * standard {@code process_*} family, and the Micrometer registry
 * exported through it (JVM memory, GC, threads and classes from Micrometer's binders, and the
 * operator's own meters such as {@code semantic_router_operator_compositions_invalid}).
 */
public final class OperatorMetrics implements AutoCloseable {
    /** A scrape: the body and its content type. */
    public record Exposition(String contentType, byte[] body) {
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final PrometheusRegistry prometheus = new PrometheusRegistry();
    private final PrometheusMeterRegistry meters;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ControllerMetrics controller;
    private final WorkQueueMetrics workQueue;
    private final RestClientMetrics restClient;
    private final LeaderElectionMetrics leaderElection;

    private OperatorMetrics() {
        meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, prometheus, Clock.SYSTEM);
        controller = new ControllerMetrics(prometheus);
        workQueue = new WorkQueueMetrics(prometheus);
        restClient = new RestClientMetrics(prometheus);
        leaderElection = new LeaderElectionMetrics(prometheus);
        ProcessMetrics.builder().register(prometheus);
        new JvmMemoryMetrics().bindTo(meters);
        gc.bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ClassLoaderMetrics().bindTo(meters);
    }

    public static OperatorMetrics create() {
        return new OperatorMetrics();
    }

    public ControllerMetrics controller() {
        return controller;
    }

    public WorkQueueMetrics workQueue() {
        return workQueue;
    }

    public RestClientMetrics restClient() {
        return restClient;
    }

    public LeaderElectionMetrics leaderElection() {
        return leaderElection;
    }

    /** Exports {@code semanticrouter_status_condition} from the SemanticRouters {@code semanticRouters} lists. */
    public void reportConditions(Supplier<? extends Collection<? extends JsonNode>> semanticRouters) {
        ConditionMetrics.register(prometheus, semanticRouters);
    }

    /** For Micrometer meters of the operator; they are scraped with everything else. */
    public PrometheusMeterRegistry meterRegistry() {
        return meters;
    }

    /**
     * Everything, as OpenMetrics 1.0 when {@code accept} asks for {@code application/openmetrics-text},
     * else in the Prometheus text format 0.0.4 (never protobuf).
     */
    public Exposition scrape(String accept) {
        String contentType = accept != null && accept.contains("application/openmetrics-text")
                ? OpenMetricsTextFormatWriter.CONTENT_TYPE : PrometheusTextFormatWriter.CONTENT_TYPE;
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try {
            meters.scrape(out, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the metrics", e);
        }
        return new Exposition(contentType, out.toByteArray());
    }

    /** The text format 0.0.4 scrape. */
    public String scrape() {
        return scrape(null).text();
    }

    @Override
    public void close() {
        gc.close();
        meters.close();
    }
}
