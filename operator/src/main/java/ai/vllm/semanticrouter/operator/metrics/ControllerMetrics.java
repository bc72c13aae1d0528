package ai.vllm.semanticrouter.operator.metrics;

import ai.vllm.semanticrouter.operator.queue.QueueObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Metrics under controller-runtime's names, so existing dashboards work:
 * {@code controller_runtime_reconcile_total{controller,result}}, {@code controller_runtime_reconcile_errors_total},
 * {@code controller_runtime_reconcile_time_seconds}, {@code workqueue_depth}, {@code workqueue_adds_total},
 * {@code workqueue_retries_total} (workqueue metrics carry {@code name} and {@code controller}).
 */
public final class ControllerMetrics implements QueueObserver {
    public static final String CONTROLLER = "semanticrouter";

    private final MeterRegistry registry;
    private final AtomicInteger depth = new AtomicInteger();
    private final Counter adds;
    private final Counter retries;
    private final Counter errors;
    private final Timer reconcileTime;

    public ControllerMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("workqueue_depth", depth, AtomicInteger::get)
                .description("Current depth of workqueue").tags("name", CONTROLLER, "controller", CONTROLLER)
                .register(registry);
        adds = Counter.builder("workqueue_adds").description("Total number of adds handled by workqueue")
                .tags("name", CONTROLLER, "controller", CONTROLLER).register(registry);
        retries = Counter.builder("workqueue_retries").description("Total number of retries handled by workqueue")
                .tags("name", CONTROLLER, "controller", CONTROLLER).register(registry);
        errors = Counter.builder("controller_runtime_reconcile_errors")
                .description("Total number of reconciliation errors per controller")
                .tag("controller", CONTROLLER).register(registry);
        reconcileTime = Timer.builder("controller_runtime_reconcile_time")
                .description("Length of time per reconciliation per controller").tag("controller", CONTROLLER)
                .serviceLevelObjectives(buckets()).register(registry);
        for (String result : new String[] {"success", "error", "requeue", "requeue_after"}) {
            reconcileCounter(result);
        }
    }

    /** Records one reconcile: its result (success, error, requeue_after) and duration. */
    public void reconciled(String result, Duration duration) {
        reconcileCounter(result).increment();
        if ("error".equals(result)) {
            errors.increment();
        }
        reconcileTime.record(duration);
    }

    @Override
    public void added() {
        adds.increment();
    }

    @Override
    public void retried() {
        retries.increment();
    }

    @Override
    public void depth(int value) {
        depth.set(value);
    }

    private Counter reconcileCounter(String result) {
        return Counter.builder("controller_runtime_reconcile").description("Total number of reconciliations per controller")
                .tags("controller", CONTROLLER, "result", result).register(registry);
    }

    private static Duration[] buckets() {
        double[] seconds = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7,
            0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30, 40, 50, 60};
        Duration[] buckets = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            buckets[i] = Duration.ofNanos((long) (seconds[i] * 1_000_000_000L));
        }
        return buckets;
    }
}
