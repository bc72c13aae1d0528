package ai.vllm.semanticrouter.operator.queue;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A de-duplicating work queue with the semantics of client-go's workqueue: a key waits at most
 * once, a key is never handed to two workers at once (an add while it is processed is replayed
 * when the worker calls {@link #done}), and failures are retried with per-key exponential backoff.
 * Its {@link QueueObserver} sees the same events as client-go's queue metrics (add, get, done, retry).
 */
public final class WorkQueue<K> implements AutoCloseable {
    private final Object lock = new Object();
    private final LinkedHashSet<K> waiting = new LinkedHashSet<>();
    private final Set<K> dirty = new HashSet<>();
    private final Set<K> processing = new HashSet<>();
    private final ExponentialBackoff<K> backoff;
    private final QueueObserver observer;
    private final ScheduledExecutorService delays;
    private boolean shuttingDown;

    public WorkQueue(ExponentialBackoff<K> backoff, QueueObserver observer) {
        this.backoff = backoff;
        this.observer = observer;
        this.delays = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "workqueue-delays");
            thread.setDaemon(true);
            return thread;
        });
    }

    public WorkQueue() {
        this(ExponentialBackoff.controllerRuntimeDefault(), QueueObserver.NONE);
    }

    /** Makes the key wait for a worker, unless it already waits. */
    public void add(K key) {
        synchronized (lock) {
            if (shuttingDown || !dirty.add(key)) {
                return;
            }
            observer.added(key);
            if (!processing.contains(key)) {
                waiting.add(key);
                lock.notifyAll();
            }
        }
    }

    /** Adds the key after a delay (a requeue-after). */
    public void addAfter(K key, Duration delay) {
        synchronized (lock) {
            if (shuttingDown) {
                return;
            }
            observer.retried();
        }
        if (delay.isZero() || delay.isNegative()) {
            add(key);
            return;
        }
        delays.schedule(() -> add(key), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The key failed: adds it again after its backoff delay, which doubles on each failure. */
    public Duration addRateLimited(K key) {
        Duration delay = backoff.when(key);
        addAfter(key, delay);
        return delay;
    }

    /** The key succeeded: resets its backoff. */
    public void forget(K key) {
        backoff.forget(key);
    }

    public int failures(K key) {
        return backoff.failures(key);
    }

    /** Blocks until a key is available; returns null once the queue is shut down. */
    public K take() throws InterruptedException {
        synchronized (lock) {
            while (waiting.isEmpty() && !shuttingDown) {
                lock.wait();
            }
            if (shuttingDown) {
                return null;
            }
            K key = waiting.iterator().next();
            waiting.remove(key);
            processing.add(key);
            dirty.remove(key);
            observer.taken(key);
            return key;
        }
    }

    /** The worker finished the key; an add that arrived meanwhile makes it wait again. */
    public void done(K key) {
        synchronized (lock) {
            processing.remove(key);
            observer.done(key);
            if (dirty.contains(key) && !shuttingDown) {
                waiting.add(key);
                lock.notifyAll();
            }
        }
    }

    public int depth() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    public void shutDown() {
        synchronized (lock) {
            shuttingDown = true;
            lock.notifyAll();
        }
        delays.shutdownNow();
    }

    @Override
    public void close() {
        shutDown();
    }
}
