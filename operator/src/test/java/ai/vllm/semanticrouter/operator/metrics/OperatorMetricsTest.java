package ai.vllm.semanticrouter.operator.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorMetricsTest {

    @Test
    void exportsControllerRuntimeFamiliesWithTheirTypes() {
        try (OperatorMetrics metrics = OperatorMetrics.create()) {
            metrics.controller().workers(2);
            metrics.controller().reconciled(ControllerMetrics.SUCCESS, Duration.ofMillis(12));
            String text = metrics.scrape();
            assertThat(text)
                    .contains("# TYPE controller_runtime_reconcile_time_seconds histogram")
                    .contains("controller_runtime_reconcile_time_seconds_bucket{controller=\"semanticrouter\",le=\"0.025\"} 1")
                    .doesNotContain("controller_runtime_reconcile_time_seconds_max")
                    .contains("# TYPE controller_runtime_reconcile_total counter")
                    .contains("controller_runtime_reconcile_total{controller=\"semanticrouter\",result=\"requeue\"} 0")
                    .contains("controller_runtime_terminal_reconcile_errors_total{controller=\"semanticrouter\"} 0")
                    .contains("controller_runtime_reconcile_panics_total{controller=\"semanticrouter\"} 0")
                    .contains("controller_runtime_max_concurrent_reconciles{controller=\"semanticrouter\"} 2")
                    .contains("# TYPE workqueue_queue_duration_seconds histogram")
                    .contains("# TYPE workqueue_longest_running_processor_seconds gauge")
                    .contains("# TYPE process_cpu_seconds_total counter")
                    .contains("# TYPE process_resident_memory_bytes gauge")
                    .contains("# TYPE process_open_fds gauge")
                    .contains("# TYPE process_start_time_seconds gauge")
                    .contains("jvm_memory_used_bytes{")
                    .contains("jvm_threads_live_threads")
                    .contains("jvm_classes_loaded_classes");
        }
    }

    @Test
    void workQueueDurationsFollowAKeyFromAddToDone() {
        long[] now = {0};
        try (OperatorMetrics metrics = OperatorMetrics.create()) {
            WorkQueueMetrics queue = new WorkQueueMetrics(new PrometheusRegistry(),
                    () -> now[0]);
            queue.added("ns/a");
            now[0] = 2_000_000_000L;
            queue.taken("ns/a");
            now[0] = 5_000_000_000L;
            assertThat(queue.unfinishedSeconds()).isEqualTo(3.0);
            assertThat(queue.longestRunningSeconds()).isEqualTo(3.0);
            queue.done("ns/a");
            assertThat(queue.unfinishedSeconds()).isZero();
            assertThat(metrics.scrape()).contains("workqueue_depth{controller=\"semanticrouter\",name=\"semanticrouter\",priority=\"\"} 0");
        }
    }

    @Test
    void bucketsAreThoseOfClientGo() {
        assertThat(WorkQueueMetrics.DURATION_BUCKETS).hasSize(12);
        assertThat(WorkQueueMetrics.DURATION_BUCKETS[0]).isEqualTo(1e-8);
        assertThat(WorkQueueMetrics.DURATION_BUCKETS[11]).isCloseTo(1000, Offset.offset(1e-9));
        assertThat(RestClientMetrics.host(URI.create("https://127.0.0.1:6443/api/v1/pods"))).isEqualTo("127.0.0.1:6443");
        assertThat(RestClientMetrics.host(URI.create("https://kubernetes.default.svc/api"))).isEqualTo("kubernetes.default.svc");
    }
}
