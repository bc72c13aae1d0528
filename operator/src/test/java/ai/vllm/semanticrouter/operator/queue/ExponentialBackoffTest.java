package ai.vllm.semanticrouter.operator.queue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExponentialBackoffTest {

    @Test
    void doublesFromFiveMillisecondsAndCapsAtOneThousandSeconds() {
        ExponentialBackoff<String> backoff = ExponentialBackoff.controllerRuntimeDefault();
        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            delays.add(backoff.when("a"));
        }
        assertThat(delays).containsExactly(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20),
                Duration.ofMillis(40), Duration.ofMillis(80));
        for (int i = 0; i < 100; i++) {
            backoff.when("a");
        }
        assertThat(backoff.when("a")).isEqualTo(Duration.ofSeconds(1000));
    }

    @Test
    void keysBackOffIndependentlyAndForgetResets() {
        ExponentialBackoff<String> backoff = ExponentialBackoff.controllerRuntimeDefault();
        backoff.when("a");
        backoff.when("a");
        assertThat(backoff.when("b")).isEqualTo(Duration.ofMillis(5));
        backoff.forget("a");
        assertThat(backoff.failures("a")).isZero();
        assertThat(backoff.when("a")).isEqualTo(Duration.ofMillis(5));
    }
}
