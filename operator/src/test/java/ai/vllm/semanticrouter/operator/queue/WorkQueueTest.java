package ai.vllm.semanticrouter.operator.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class WorkQueueTest {

    @Test
    void deduplicatesWaitingKeys() throws InterruptedException {
        try (WorkQueue<String> queue = new WorkQueue<>()) {
            queue.add("ns/a");
            queue.add("ns/a");
            queue.add("ns/b");
            assertThat(queue.depth()).isEqualTo(2);
            assertThat(queue.take()).isEqualTo("ns/a");
            assertThat(queue.take()).isEqualTo("ns/b");
            assertThat(queue.depth()).isZero();
        }
    }

    @Test
    void aKeyAddedWhileProcessedWaitsUntilDone() throws InterruptedException {
        try (WorkQueue<String> queue = new WorkQueue<>()) {
            queue.add("ns/a");
            String key = queue.take();
            queue.add("ns/a");
            assertThat(queue.depth()).as("not handed to a second worker while processed").isZero();
            queue.done(key);
            assertThat(queue.depth()).isEqualTo(1);
            assertThat(queue.take()).isEqualTo("ns/a");
        }
    }

    @Test
    void neverProcessesOneKeyOnTwoWorkersAtOnce() throws InterruptedException {
        try (WorkQueue<String> queue = new WorkQueue<>()) {
            Set<String> inFlight = ConcurrentHashMap.newKeySet();
            AtomicInteger overlaps = new AtomicInteger();
            AtomicInteger processed = new AtomicInteger();
            CountDownLatch finished = new CountDownLatch(4);
            for (int w = 0; w < 4; w++) {
                Thread worker = new Thread(() -> {
                    try {
                        for (String key = queue.take(); key != null; key = queue.take()) {
                            if (!inFlight.add(key)) {
                                overlaps.incrementAndGet();
                            }
                            Thread.onSpinWait();
                            inFlight.remove(key);
                            processed.incrementAndGet();
                            queue.done(key);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        finished.countDown();
                    }
                });
                worker.start();
            }
            for (int i = 0; i < 5_000; i++) {
                queue.add("ns/" + (i % 3));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.depth() == 0 && inFlight.isEmpty());
            queue.shutDown();
            assertThat(finished.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(overlaps).hasValue(0);
            assertThat(processed.get()).isPositive();
        }
    }

    @Test
    void rateLimitedAddsComeBackAfterTheBackoffDelay() throws InterruptedException {
        AtomicInteger retries = new AtomicInteger();
        QueueObserver observer = new QueueObserver() {
            @Override
            public void added(Object key) {
            }

            @Override
            public void taken(Object key) {
            }

            @Override
            public void done(Object key) {
            }

            @Override
            public void retried() {
                retries.incrementAndGet();
            }
        };
        try (WorkQueue<String> queue = new WorkQueue<>(
                new ExponentialBackoff<>(Duration.ofMillis(20), Duration.ofSeconds(1)), observer)) {
            assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(20));
            assertThat(queue.addRateLimited("ns/a")).isEqualTo(Duration.ofMillis(40));
            assertThat(queue.failures("ns/a")).isEqualTo(2);
            await().atMost(Duration.ofSeconds(2)).until(() -> queue.depth() == 1);
            assertThat(queue.take()).isEqualTo("ns/a");
            queue.forget("ns/a");
            assertThat(queue.failures("ns/a")).isZero();
            assertThat(retries).hasValue(2);
        }
    }

    @Test
    void shutDownReleasesWaitingWorkers() throws InterruptedException {
        WorkQueue<String> queue = new WorkQueue<>();
        CountDownLatch released = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            try {
                if (queue.take() == null) {
                    released.countDown();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        worker.start();
        queue.shutDown();
        assertThat(released.await(2, TimeUnit.SECONDS)).isTrue();
    }
}
