package ai.vllm.semanticrouter.it.bench;

import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What a {@link WarmUpdate} of every router costs the operator process: from the first patch until
 * every CR has status for its new generation and its objects show the change, plus the same settle
 * as the first convergence ({@link ProcessFootprint#SETTLE_MILLIS}); CPU from /proc, writes from the
 * API server ({@link WriteCounter}), requests from the operator's own metrics ({@link RequestCount}).
 * The routers' state is read from watches ({@link RouterObjects}), not polled from the API server.
 * Each update starts once the operator is quiet, so that the trailing reconciles of what came
 * before (triggered by its own writes) are not counted in it.
 */
final class WarmUpdateMeasurement {
    /** What one warm update cost; per-CR figures are divided by the number of routers. */
    record Result(double convergeSeconds, double cpuPerCrMillis, double objectWritesPerCr, double statusWritesPerCr,
                  RequestCount requestsPerCr) {
        @Override
        public String toString() {
            return String.format("%.1f s, %.1f ms CPU per CR, %.2f + %.2f writes per CR, requests per CR %s",
                    convergeSeconds, cpuPerCrMillis, objectWritesPerCr, statusWritesPerCr, requestsPerCr);
        }
    }

    private static final long DEADLINE_MINUTES = 10;
    /** For the watches to deliver every router before the update (their first events list what exists). */
    private static final long SYNC_SECONDS = 120;
    /** Quiet: at most this much CPU in a second (an idle operator uses less; a reconcile burst far more). */
    private static final double QUIET_CPU_SECONDS = 0.02;
    private static final long QUIET_TIMEOUT_SECONDS = 60;

    private final KubernetesClient client;
    private final List<BenchRouters.Ref> routers;
    private final OperatorProcess operator;
    private final WriteCounter writes;

    WarmUpdateMeasurement(KubernetesClient client, List<BenchRouters.Ref> routers, OperatorProcess operator,
                          WriteCounter writes) {
        this.client = client;
        this.routers = routers;
        this.operator = operator;
        this.writes = writes;
    }

    Result measure(WarmUpdate update) throws InterruptedException {
        try (RouterObjects objects = new RouterObjects(client)) {
            Map<BenchRouters.Ref, RouterState> before = objects.awaitComplete(routers, SYNC_SECONDS);
            awaitQuiet();
            double cpuBefore = operator.cpuSeconds();
            long objectWritesBefore = writes.objectWrites();
            long statusWritesBefore = writes.statusWrites();
            RequestCount requestsBefore = operator.requests();
            long start = System.nanoTime();
            BenchRouters.patchAtOnce(client, routers, update.mergePatch());
            double seconds = awaitReached(update, objects, before, start);
            TimeUnit.MILLISECONDS.sleep(ProcessFootprint.SETTLE_MILLIS);
            int crs = routers.size();
            return new Result(seconds, (operator.cpuSeconds() - cpuBefore) * 1000 / crs,
                    (writes.objectWrites() - objectWritesBefore) / (double) crs,
                    (writes.statusWrites() - statusWritesBefore) / (double) crs,
                    operator.requests().since(requestsBefore, crs));
        }
    }

    /** Waits until the operator used at most {@link #QUIET_CPU_SECONDS} in the last second; warns after a minute. */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(QUIET_TIMEOUT_SECONDS);
        double cpu = operator.cpuSeconds();
        while (System.nanoTime() < deadline) {
            TimeUnit.SECONDS.sleep(1);
            double used = operator.cpuSeconds() - cpu;
            if (used <= QUIET_CPU_SECONDS) {
                return;
            }
            cpu += used;
        }
        System.out.printf("[bench] warning: the operator kept using more than %.2f s CPU a second for %d s;"
                + " the warm update starts anyway%n", QUIET_CPU_SECONDS, QUIET_TIMEOUT_SECONDS);
    }

    /** Seconds from {@code start} until every router reached the update; throws at the deadline or if the operator exits. */
    private double awaitReached(WarmUpdate update, RouterObjects objects, Map<BenchRouters.Ref, RouterState> before,
                                long start) throws InterruptedException {
        long deadline = start + TimeUnit.MINUTES.toNanos(DEADLINE_MINUTES);
        int reached = 0;
        while (System.nanoTime() < deadline && operator.alive()) {
            reached = objects.count(routers, r -> update.reached(before.get(r), objects.state(r)));
            if (reached == routers.size()) {
                return (System.nanoTime() - start) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        throw new IllegalStateException(String.format("%s update: %d of %d routers observed at their new generation"
                        + " with their objects changed in %.1f s%s; the operator's output: %s", update.name(), reached,
                routers.size(), (System.nanoTime() - start) / 1e9, operator.alive() ? "" : " (the operator exited)",
                operator.log()));
    }
}
