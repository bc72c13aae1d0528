package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.metrics.OperatorMetrics;
import ai.vllm.semanticrouter.operator.queue.ExponentialBackoff;
import ai.vllm.semanticrouter.operator.queue.WorkQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ControllerTest {

    @Test
    void aFailingKeyIsRetriedWithBackoffWithoutBlockingOthers() {
        OperatorMetrics metrics = OperatorMetrics.create();
        WorkQueue<RouterKey> queue = new WorkQueue<>(new ExponentialBackoff<>(Duration.ofMillis(5), Duration.ofMillis(50)),
                metrics.workQueue());
        List<String> seen = new CopyOnWriteArrayList<>();
        AtomicInteger badAttempts = new AtomicInteger();
        try (Controller controller = new Controller(queue, (namespace, name) -> {
            seen.add(namespace + "/" + name);
            if (name.equals("bad") && badAttempts.incrementAndGet() < 4) {
                return new ReconcileResult.Failure("boom");
            }
            if (name.equals("crash")) {
                throw new IllegalStateException("unexpected");
            }
            return ReconcileResult.success();
        }, metrics.controller())) {
            controller.start(2);
            controller.enqueue("ns", "bad");
            controller.enqueue("ns", "good");
            await().atMost(Duration.ofSeconds(5)).until(() -> badAttempts.get() == 4);
            controller.enqueue("ns", "crash");
            await().atMost(Duration.ofSeconds(5)).until(() -> seen.contains("ns/crash"));
            assertThat(seen).contains("ns/good");
            assertThat(queue.failures(new RouterKey("ns", "bad"))).as("forgotten after success").isZero();
        }
        String scrape = metrics.scrape();
        assertThat(scrape).contains("controller_runtime_reconcile_total{controller=\"semanticrouter\",result=\"error\"}");
        assertThat(scrape).contains("controller_runtime_reconcile_total{controller=\"semanticrouter\",result=\"success\"}");
        assertThat(scrape).contains("controller_runtime_reconcile_errors_total{controller=\"semanticrouter\"}");
        assertThat(scrape).contains("controller_runtime_reconcile_time_seconds_bucket");
        assertThat(scrape).contains("workqueue_depth{controller=\"semanticrouter\",name=\"semanticrouter\",priority=\"\"}");
        assertThat(scrape).contains("workqueue_adds_total{controller=\"semanticrouter\",name=\"semanticrouter\"}");
        assertThat(scrape).contains("workqueue_retries_total{controller=\"semanticrouter\",name=\"semanticrouter\"}");
    }
}
