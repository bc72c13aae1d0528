package ai.vllm.semanticrouter.operator.metrics;

import ai.vllm.semanticrouter.operator.queue.QueueObserver;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The work queue families of controller-runtime (v0.22 {@code pkg/metrics/workqueue.go}), measured as
 * client-go's queue metrics measure them: {@code workqueue_depth{name,controller,priority}},
 * {@code workqueue_adds_total}, {@code workqueue_retries_total}, {@code workqueue_queue_duration_seconds}
 * (add to hand-out) and {@code workqueue_work_duration_seconds} (hand-out to done), histograms with
 * buckets 1e-8 s to 1000 s, and the gauges {@code workqueue_unfinished_work_seconds} and
 * {@code workqueue_longest_running_processor_seconds}, computed from the keys in process at scrape time.
 */
public final class WorkQueueMetrics implements QueueObserver {
    /** client-go's {@code ExponentialBuckets(10e-9, 10, 12)}, computed the same way. */
    static final double[] DURATION_BUCKETS = exponentialBuckets(10e-9, 10, 12);
    private static final String NAME = ControllerMetrics.CONTROLLER;

    private final LongSupplier nanoClock;
    private final Map<Object, Long> addedAt = new ConcurrentHashMap<>();
    private final Map<Object, Long> processingSince = new ConcurrentHashMap<>();
    private final Gauge depth;
    private final Counter adds;
    private final Counter retries;
    private final Histogram queueDuration;
    private final Histogram workDuration;

    public WorkQueueMetrics(PrometheusRegistry registry) {
        this(registry, System::nanoTime);
    }

    WorkQueueMetrics(PrometheusRegistry registry, LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        depth = Gauge.builder().name("workqueue_depth").help("Current depth of workqueue by workqueue and priority")
                .labelNames("name", "controller", "priority").register(registry);
        adds = Counter.builder().name("workqueue_adds_total").help("Total number of adds handled by workqueue")
                .labelNames("name", "controller").register(registry);
        retries = Counter.builder().name("workqueue_retries_total").help("Total number of retries handled by workqueue")
                .labelNames("name", "controller").register(registry);
        queueDuration = duration("workqueue_queue_duration_seconds",
                "How long in seconds an item stays in workqueue before being requested", registry);
        workDuration = duration("workqueue_work_duration_seconds",
                "How long in seconds processing an item from workqueue takes.", registry);
        GaugeWithCallback.builder().name("workqueue_unfinished_work_seconds")
                .help("How many seconds of work has been done that is in progress and hasn't been observed by "
                        + "work_duration. Large values indicate stuck threads. One can deduce the number of stuck "
                        + "threads by observing the rate at which this increases.")
                .labelNames("name", "controller")
                .callback(callback -> callback.call(unfinishedSeconds(), NAME, NAME)).register(registry);
        GaugeWithCallback.builder().name("workqueue_longest_running_processor_seconds")
                .help("How many seconds has the longest running processor for workqueue been running.")
                .labelNames("name", "controller")
                .callback(callback -> callback.call(longestRunningSeconds(), NAME, NAME)).register(registry);
        depth.initLabelValues(NAME, NAME, "");
        adds.initLabelValues(NAME, NAME);
        retries.initLabelValues(NAME, NAME);
        queueDuration.initLabelValues(NAME, NAME);
        workDuration.initLabelValues(NAME, NAME);
    }

    private static Histogram duration(String name, String help, PrometheusRegistry registry) {
        return Histogram.builder().name(name).help(help).labelNames("name", "controller")
                .classicOnly().classicUpperBounds(DURATION_BUCKETS).register(registry);
    }

    @Override
    public void added(Object key) {
        adds.labelValues(NAME, NAME).inc();
        depth.labelValues(NAME, NAME, "").inc();
        addedAt.putIfAbsent(key, nanoClock.getAsLong());
    }

    @Override
    public void taken(Object key) {
        long now = nanoClock.getAsLong();
        depth.labelValues(NAME, NAME, "").dec();
        processingSince.put(key, now);
        Long added = addedAt.remove(key);
        if (added != null) {
            queueDuration.labelValues(NAME, NAME).observe(seconds(now - added));
        }
    }

    @Override
    public void done(Object key) {
        Long started = processingSince.remove(key);
        if (started != null) {
            workDuration.labelValues(NAME, NAME).observe(seconds(nanoClock.getAsLong() - started));
        }
    }

    @Override
    public void retried() {
        retries.labelValues(NAME, NAME).inc();
    }

    double unfinishedSeconds() {
        long now = nanoClock.getAsLong();
        return processingSince.values().stream().mapToDouble(since -> seconds(now - since)).sum();
    }

    double longestRunningSeconds() {
        long now = nanoClock.getAsLong();
        return processingSince.values().stream().mapToDouble(since -> seconds(now - since)).max().orElse(0);
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static double[] exponentialBuckets(double start, double factor, int count) {
        double[] buckets = new double[count];
        for (int i = 0; i < count; i++) {
            buckets[i] = start;
            start *= factor;
        }
        return buckets;
    }
}
