package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.metrics.ControllerMetrics;
import ai.vllm.semanticrouter.operator.queue.WorkQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Worker threads that take "namespace/name" keys from the work queue and reconcile them. A key is
 * never processed by two workers at once; a failure is retried with the key's backoff and never
 * blocks other keys.
 */
public final class Controller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

    private final WorkQueue<RouterKey> queue;
    private final BiFunction<String, String, ReconcileResult> reconciler;
    private final ControllerMetrics metrics;
    private final List<Thread> workers = new ArrayList<>();

    /** @param reconciler (namespace, name) to result, normally {@code Reconciler::reconcile} */
    public Controller(WorkQueue<RouterKey> queue, BiFunction<String, String, ReconcileResult> reconciler,
                      ControllerMetrics metrics) {
        this.queue = queue;
        this.reconciler = reconciler;
        this.metrics = metrics;
    }

    public synchronized void start(int workerCount) {
        metrics.workers(workerCount);
        for (int i = 0; i < workerCount; i++) {
            Thread worker = new Thread(this::work, "reconcile-worker-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        LOG.info("Started {} reconcile workers controller={}", workerCount, ControllerMetrics.CONTROLLER);
    }

    public void enqueue(String namespace, String name) {
        queue.add(new RouterKey(namespace, name));
    }

    private void work() {
        while (true) {
            RouterKey key;
            try {
                key = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (key == null) {
                return;
            }
            metrics.workerBusy();
            try {
                process(key);
            } finally {
                queue.done(key);
                metrics.workerIdle();
            }
        }
    }

    /** Reconciles one key and files it back into the queue according to the result. */
    void process(RouterKey key) {
        long start = System.nanoTime();
        ReconcileResult result;
        try {
            result = reconciler.apply(key.namespace(), key.name());
        } catch (RuntimeException e) {
            LOG.error("Reconcile crashed semanticrouter={}", key, e);
            metrics.panicked();
            result = new ReconcileResult.Failure(String.valueOf(e.getMessage()));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (result instanceof ReconcileResult.Failure failure) {
            Duration delay = queue.addRateLimited(key);
            LOG.warn("Reconcile failed semanticrouter={} retryIn={} error={}", key, delay, failure.message());
            metrics.reconciled(ControllerMetrics.ERROR, took);
        } else {
            queue.forget(key);
            metrics.reconciled(ControllerMetrics.SUCCESS, took);
        }
    }

    @Override
    public void close() {
        queue.shutDown();
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
