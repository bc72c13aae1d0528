package ai.vllm.semanticrouter.operator.queue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Per-key exponential failure backoff, as controller-runtime's default item limiter:
 * the n-th consecutive failure of a key waits base * 2^(n-1), capped at max.
 */
public final class ExponentialBackoff<K> {
    private final Duration base;
    private final Duration max;
    private final Map<K, Integer> failures = new HashMap<>();

    public ExponentialBackoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** 5 ms doubling to 1000 s. */
    public static <K> ExponentialBackoff<K> controllerRuntimeDefault() {
        return new ExponentialBackoff<>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    }

    /** Records one more failure of the key and returns how long to wait before retrying it. */
    public synchronized Duration when(K key) {
        int attempt = failures.merge(key, 1, Integer::sum);
        return delayFor(attempt);
    }

    /** The key succeeded: its next failure starts again at the base delay. */
    public synchronized void forget(K key) {
        failures.remove(key);
    }

    public synchronized int failures(K key) {
        return failures.getOrDefault(key, 0);
    }

    private Duration delayFor(int attempt) {
        int shift = Math.min(attempt - 1, 62);
        long nanos = base.toNanos();
        if (shift >= 62 || nanos > (Long.MAX_VALUE >> shift)) {
            return max;
        }
        Duration delay = Duration.ofNanos(nanos << shift);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}
