package ai.vllm.semanticrouter.operator.runtime;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * When each start-up step finished, in milliseconds since the operator began starting, so that one
 * log line shows where a slow start went (steps that run side by side overlap).
 */
final class StartupTimeline {
    private final long began = System.nanoTime();
    private final Map<String, Long> finished = new LinkedHashMap<>();

    /** Records that {@code step} finished now (thread-safe; steps finish on several threads). */
    synchronized void finished(String step) {
        finished.putIfAbsent(step, (System.nanoTime() - began) / 1_000_000);
    }

    /** e.g. "compositions 950 ms, client 610 ms, ...; JVM start to now 2310 ms" */
    synchronized String summary() {
        StringJoiner steps = new StringJoiner(", ");
        finished.forEach((step, millis) -> steps.add(step + " " + millis + " ms"));
        return steps + sinceProcessStart();
    }

    private static String sinceProcessStart() {
        return "; JVM start to now " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms";
    }
}
