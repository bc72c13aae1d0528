package ai.vllm.semanticrouter.operator.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.time.Duration;

/**
 * The reconcile families of controller-runtime (v0.22 {@code pkg/internal/controller/metrics}), with
 * its names, help, label names, types and buckets: {@code controller_runtime_reconcile_total{controller,result}},
 * {@code controller_runtime_reconcile_errors_total}, {@code controller_runtime_terminal_reconcile_errors_total},
 * {@code controller_runtime_reconcile_panics_total}, {@code controller_runtime_reconcile_time_seconds}
 * (histogram), {@code controller_runtime_max_concurrent_reconciles} and {@code controller_runtime_active_workers}.
 * Every series exists from the start (at 0), as controller-runtime initialises them.
 */
public final class ControllerMetrics {
    public static final String CONTROLLER = "semanticrouter";
    /** controller-runtime's reconcile result label values. */
    public static final String SUCCESS = "success";
    public static final String ERROR = "error";
    public static final String REQUEUE = "requeue";
    public static final String REQUEUE_AFTER = "requeue_after";
    static final double[] RECONCILE_BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45,
        0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5, 6, 7, 8, 9, 10, 15, 20, 25, 30,
        40, 50, 60};

    private final Counter reconciles;
    private final Counter errors;
    private final Counter terminalErrors;
    private final Counter panics;
    private final Histogram reconcileTime;
    private final Gauge maxConcurrent;
    private final Gauge activeWorkers;

    public ControllerMetrics(PrometheusRegistry registry) {
        reconciles = Counter.builder().name("controller_runtime_reconcile_total")
                .help("Total number of reconciliations per controller").labelNames("controller", "result").register(registry);
        errors = perController(Counter.builder().name("controller_runtime_reconcile_errors_total")
                .help("Total number of reconciliation errors per controller"), registry);
        terminalErrors = perController(Counter.builder().name("controller_runtime_terminal_reconcile_errors_total")
                .help("Total number of terminal reconciliation errors per controller"), registry);
        panics = perController(Counter.builder().name("controller_runtime_reconcile_panics_total")
                .help("Total number of reconciliation panics per controller"), registry);
        reconcileTime = Histogram.builder().name("controller_runtime_reconcile_time_seconds")
                .help("Length of time per reconciliation per controller").labelNames("controller")
                .classicOnly().classicUpperBounds(RECONCILE_BUCKETS).register(registry);
        maxConcurrent = Gauge.builder().name("controller_runtime_max_concurrent_reconciles")
                .help("Maximum number of concurrent reconciles per controller").labelNames("controller").register(registry);
        activeWorkers = Gauge.builder().name("controller_runtime_active_workers")
                .help("Number of currently used workers per controller").labelNames("controller").register(registry);
        for (String result : new String[] {ERROR, REQUEUE_AFTER, REQUEUE, SUCCESS}) {
            reconciles.initLabelValues(CONTROLLER, result);
        }
        reconcileTime.initLabelValues(CONTROLLER);
        activeWorkers.initLabelValues(CONTROLLER);
    }

    private static Counter perController(Counter.Builder builder, PrometheusRegistry registry) {
        Counter counter = builder.labelNames("controller").register(registry);
        counter.initLabelValues(CONTROLLER);
        return counter;
    }

    /** The controller runs this many workers. */
    public void workers(int count) {
        maxConcurrent.labelValues(CONTROLLER).set(count);
    }

    /** A worker took a key and starts reconciling it. */
    public void workerBusy() {
        activeWorkers.labelValues(CONTROLLER).inc();
    }

    /** A worker finished its key. */
    public void workerIdle() {
        activeWorkers.labelValues(CONTROLLER).dec();
    }

    /** Records one reconcile: its result ({@link #SUCCESS}, {@link #ERROR}, {@link #REQUEUE_AFTER}) and duration. */
    public void reconciled(String result, Duration duration) {
        reconciles.labelValues(CONTROLLER, result).inc();
        if (ERROR.equals(result)) {
            errors.labelValues(CONTROLLER).inc();
        }
        reconcileTime.labelValues(CONTROLLER).observe(duration.toNanos() / 1e9);
    }

    /** The reconciler threw (controller-runtime's recovered panic); the reconcile also counts as an error. */
    public void panicked() {
        panics.labelValues(CONTROLLER).inc();
    }

    /** The reconciler gave up on a key for good (not retried). */
    public void terminalError() {
        terminalErrors.labelValues(CONTROLLER).inc();
    }

    /** Reconciles so far, all results together. */
    public double reconciles() {
        double total = 0;
        for (String result : new String[] {ERROR, REQUEUE_AFTER, REQUEUE, SUCCESS}) {
            total += reconciles.labelValues(CONTROLLER, result).get();
        }
        return total;
    }
}
