package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The footprint of the operator as its own process ({@link OperatorProcess}), the workload of the
 * comparison with the Go operator: on a new API server with no CR, the operator starts; 10 s later
 * its CPU and resident memory are read; then {@code crs} SemanticRouters are created at once in 10
 * namespaces, and the CPU it used until all of them show status for their generation (plus 2 s for
 * the last events) is divided by their number; after {@code idleSeconds} of idle its resident memory
 * and its peak are read. Writes are counted from the API server, as in the in-process rounds; requests
 * (writes, Events and reads) from the operator's own {@code rest_client_requests_total}. Then, on the
 * same operator, two warm updates of every router at once ({@link WarmUpdateMeasurement}): spec.replicas,
 * then a field of spec.config that config.yaml renders (the pods roll).
 */
final class ProcessFootprint {
    /** What one round measured; peak RSS is read after the idle time, before the warm updates. */
    record Round(double cpuFirst10s, double rssStartedMiB, double convergeSeconds, double cpuPerCrMillis,
                 double rssIdleMiB, double peakRssMiB, double objectWritesPerCr, double statusWritesPerCr, long idleWrites,
                 RequestCount requestsPerCr, WarmUpdateMeasurement.Result replicasUpdate,
                 WarmUpdateMeasurement.Result configUpdate) {
    }

    /** After the last router is observed, for the operator's last events and requests to be counted. */
    static final long SETTLE_MILLIS = 2000;
    /**
     * bench.jcmd: diagnostic commands run on the operator when it is idle after the convergence,
     * separated by ';', output printed, e.g. "GC.heap_info;VM.native_memory summary" (the latter
     * needs -XX:NativeMemoryTracking=summary in bench.javaOpts): where the resident memory goes.
     */
    private static final String DIAGNOSTICS = System.getProperty("bench.jcmd", "");

    private final Path launcher;
    private final int crs;
    private final int idleSeconds;
    private final Map<String, String> environment;

    /** @param environment for the launcher, e.g. JAVA_OPTS (flags to compare, a flight recording) */
    ProcessFootprint(Path launcher, int crs, int idleSeconds, Map<String, String> environment) {
        this.launcher = launcher;
        this.crs = crs;
        this.idleSeconds = idleSeconds;
        this.environment = environment;
    }

    Round measure(String purpose) throws Exception {
        ApiServer server = ApiServer.dedicated(purpose, config -> config.withTestDir(WideServiceRange.testDir().toString()));
        try {
            KubernetesClient client = server.client();
            Routers.installCrd(client);
            List<String> namespaces = BenchRouters.scaleNamespaces(server, client, "bench-process");
            return measure(server, client, namespaces);
        } finally {
            server.stop();
        }
    }

    private Round measure(ApiServer server, KubernetesClient client, List<String> namespaces) throws Exception {
        try (ReconcileClock clock = new ReconcileClock(client);
             WriteCounter writes = new WriteCounter(client);
             OperatorProcess operator = OperatorProcess.start(launcher, server.server().kubeConfigFile(), environment, log())) {
            sleepUntil(operator, 10_000);
            double cpuFirst10s = operator.cpuSeconds();
            double rssStarted = operator.rssMiB();
            long objectWritesBefore = writes.objectWrites();
            long statusWritesBefore = writes.statusWrites();
            RequestCount requestsBefore = operator.requests();
            long start = System.nanoTime();
            BenchRouters.createAtOnce(client, namespaces, crs);
            long deadline = start + TimeUnit.MINUTES.toNanos(10);
            while (clock.count() < crs && System.nanoTime() < deadline && operator.alive()) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (clock.count() < crs) {
                throw new IllegalStateException(clock.count() + " of " + crs + " routers reconciled in " + seconds
                        + " s; the operator's output: " + operator.log());
            }
            TimeUnit.MILLISECONDS.sleep(SETTLE_MILLIS);
            double cpuPerCr = (operator.cpuSeconds() - cpuFirst10s) * 1000 / crs;
            double objectWrites = (writes.objectWrites() - objectWritesBefore) / (double) crs;
            double statusWrites = (writes.statusWrites() - statusWritesBefore) / (double) crs;
            RequestCount requestsPerCr = operator.requests().since(requestsBefore, crs);
            long idleBefore = writes.objectWrites() + writes.statusWrites();
            TimeUnit.SECONDS.sleep(idleSeconds);
            long idleWrites = writes.objectWrites() + writes.statusWrites() - idleBefore;
            diagnose(operator);
            double rssIdle = operator.rssMiB();
            double peakRss = operator.peakRssMiB();
            System.out.printf("[bench] process round: CPU first 10 s %.2f s, RSS started %.1f MiB; %d CRs in %.1f s,"
                            + " %.1f ms CPU per CR, %.2f + %.2f writes per CR, requests per CR %s; after %d s idle:"
                            + " RSS %.1f MiB (peak %.1f), %d writes%n", cpuFirst10s, rssStarted, crs,
                    seconds, cpuPerCr, objectWrites, statusWrites, requestsPerCr, idleSeconds, rssIdle, peakRss, idleWrites);
            WarmUpdateMeasurement warm = new WarmUpdateMeasurement(client, BenchRouters.placement(namespaces, crs),
                    operator, writes);
            WarmUpdateMeasurement.Result replicas = warm.measure(WarmUpdate.replicas());
            WarmUpdateMeasurement.Result config = warm.measure(WarmUpdate.config());
            System.out.printf("[bench] process round, warm updates of all %d CRs: replicas %s; config %s%n", crs,
                    replicas, config);
            return new Round(cpuFirst10s, rssStarted, seconds, cpuPerCr, rssIdle, peakRss, objectWrites, statusWrites,
                    idleWrites, requestsPerCr, replicas, config);
        }
    }

    private static void diagnose(OperatorProcess operator) throws Exception {
        for (String command : DIAGNOSTICS.split(";")) {
            if (command.isBlank()) {
                continue;
            }
            List<String> line = new java.util.ArrayList<>(List.of("jcmd", String.valueOf(operator.jvmPid())));
            line.addAll(List.of(command.trim().split(" +")));
            Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
            System.out.println("[bench] jcmd " + command.trim() + ":\n" + output);
        }
    }

    private static void sleepUntil(OperatorProcess operator, long millisAfterStart) throws InterruptedException {
        long wait = millisAfterStart - (long) operator.elapsedMillis();
        if (wait > 0) {
            TimeUnit.MILLISECONDS.sleep(wait);
        }
        if (!operator.alive()) {
            throw new IllegalStateException("the operator exited; its output: " + operator.log());
        }
    }

    private static File log() {
        return new File(System.getProperty("java.io.tmpdir"), "bench-operator-process.log");
    }
}
