package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Operator benchmarks on a real API server (issue 9): create latency, scale, idle writes, retained
 * heap per CR, start-up time and writes per CR. Prints every figure and writes
 * bench/results/&lt;date&gt;.json and the table in bench/README.md.
 *
 * <p>System properties: bench.rounds (3), bench.latencyCrs (30 per round), bench.scaleCrs (500),
 * bench.idleSeconds (60), bench.only (startup), bench.out (the repository's bench folder), bench.repository (the checkout, "..").
 */
public final class OperatorBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int LATENCY_CRS = Integer.getInteger("bench.latencyCrs", 30);
    private static final int SCALE_CRS = Integer.getInteger("bench.scaleCrs", 500);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idleSeconds", 60);
    /** bench.only=startup measures only the start-up (a quick check; the report files are left alone). */
    private static final boolean STARTUP_ONLY = "startup".equals(System.getProperty("bench.only"));
    /** The checkout, for bin/semantic-router-operator (the benchmark runs in test-envtest). */
    private static final Path REPOSITORY = Path.of(System.getProperty("bench.repository", ".."));

    private final ApiServer api = ApiServer.dedicated("bench",
            config -> config.withTestDir(WideServiceRange.testDir().toString()));
    private final KubernetesClient client = api.client();
    private final List<Figures> figures = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        OperatorBenchmark benchmark = new OperatorBenchmark();
        try {
            benchmark.runAll();
        } finally {
            benchmark.api.stop();
        }
        if (STARTUP_ONLY) {
            benchmark.figures.forEach(f -> System.out.printf("[bench] %s: min %.0f, median %.0f, max %.0f %s%n",
                    f.name(), f.min(), f.median(), f.max(), f.unit()));
            System.out.println("[bench] bench.only=startup: report files not written");
        } else {
            BenchReport.write(Path.of(System.getProperty("bench.out", "../bench")), benchmark.figures);
        }
        System.exit(0);
    }

    private void runAll() throws Exception {
        Routers.installCrd(client);
        StartupMeasurement.Result startup = new StartupMeasurement(api, client, REPOSITORY).measure(ROUNDS);
        figures.add(Figures.of("start-up: process start to first reconcile done", "ms", startup.withArchive(), 3000));
        figures.add(Figures.of("start-up without the class-data archive", "ms", startup.withoutArchive(), Double.NaN));
        figures.add(Figures.of("start-up, first run (writes the archive)", "ms", List.of(startup.trainingStart()), Double.NaN));
        if (STARTUP_ONLY) {
            return;
        }
        ScaleRounds rounds = new ScaleRounds();
        for (int round = 1; round < ROUNDS; round++) {
            ApiServer fresh = ApiServer.dedicated("bench-scale-" + round,
                    config -> config.withTestDir(WideServiceRange.testDir().toString()));
            try {
                Routers.installCrd(fresh.client());
                scaleRound(fresh, rounds, false);
            } finally {
                fresh.stop();
            }
        }
        scaleRound(api, rounds, true);
        figures.add(Figures.of("scale: " + SCALE_CRS + " CRs in 10 namespaces until all observed", "s", rounds.seconds, 60));
        figures.add(Figures.of("writes per CR to converge: managed objects", "writes", rounds.objectWrites, Double.NaN));
        figures.add(Figures.of("writes per CR to converge: status", "writes", rounds.statusWrites, Double.NaN));
        figures.add(Figures.of("memory: retained heap per CR", "KiB", rounds.heapPerCr, 100));
    }

    /** The samples of the scale rounds, each on an API server with no CR yet and a new operator. */
    private static final class ScaleRounds {
        final List<Double> seconds = new ArrayList<>();
        final List<Double> objectWrites = new ArrayList<>();
        final List<Double> statusWrites = new ArrayList<>();
        final List<Double> heapPerCr = new ArrayList<>();
    }

    /** One scale round; the last one goes on with the idle and latency measurements on the same operator. */
    private void scaleRound(ApiServer server, ScaleRounds rounds, boolean last) throws InterruptedException {
        KubernetesClient roundClient = server.client();
        try (ReconcileClock clock = new ReconcileClock(roundClient);
             WriteCounter writes = new WriteCounter(roundClient);
             OperatorUnderTest operator = OperatorUnderTest.start(roundClient, o -> o.withWorkers(4).withPorts(-1, -1))) {
            awaitReady(operator);
            double heapEmpty = usedHeapAfterGc();
            scale(server, clock, writes, rounds);
            rounds.heapPerCr.add((usedHeapAfterGc() - heapEmpty) / SCALE_CRS / 1024.0);
            if (last) {
                idle(writes);
                latency(clock);
            }
        }
    }

    private void scale(ApiServer server, ReconcileClock clock, WriteCounter writes, ScaleRounds rounds)
            throws InterruptedException {
        KubernetesClient roundClient = server.client();
        long objectWritesBefore = writes.objectWrites();
        long statusWritesBefore = writes.statusWrites();
        int before = clock.count();
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            namespaces.add(BenchRouters.namespaceWithBackend(server, roundClient, "bench-scale"));
        }
        ExecutorService creators = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        for (int i = 0; i < SCALE_CRS; i++) {
            String namespace = namespaces.get(i % namespaces.size());
            String name = "router-" + i;
            creators.submit(() -> BenchRouters.create(roundClient, BenchRouters.router(namespace, name)));
        }
        creators.shutdown();
        creators.awaitTermination(5, TimeUnit.MINUTES);
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        while (clock.count() - before < SCALE_CRS && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[bench] scale round %d: %d CRs reconciled in %.1f s%n", rounds.seconds.size() + 1,
                clock.count() - before, seconds);
        rounds.seconds.add(seconds);
        TimeUnit.SECONDS.sleep(2);
        rounds.objectWrites.add((writes.objectWrites() - objectWritesBefore) / (double) SCALE_CRS);
        rounds.statusWrites.add((writes.statusWrites() - statusWritesBefore) / (double) SCALE_CRS);
    }

    private void idle(WriteCounter writes) throws InterruptedException {
        long before = writes.objectWrites() + writes.statusWrites();
        TimeUnit.SECONDS.sleep(IDLE_SECONDS);
        long idleWrites = writes.objectWrites() + writes.statusWrites() - before;
        System.out.printf("[bench] idle: %d writes in %d s after convergence%n", idleWrites, IDLE_SECONDS);
        figures.add(Figures.of("idle: writes in " + IDLE_SECONDS + " s after convergence", "writes",
                List.of((double) idleWrites), 0));
    }

    private void latency(ReconcileClock clock) throws InterruptedException {
        List<Double> samples = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            String namespace = BenchRouters.namespaceWithBackend(api, client, "bench-latency");
            List<long[]> created = new ArrayList<>();
            for (int i = 0; i < LATENCY_CRS; i++) {
                long paceUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
                String name = "latency-" + i;
                BenchRouters.create(client, BenchRouters.router(namespace, name));
                created.add(new long[]{i, System.nanoTime()});
                TimeUnit.NANOSECONDS.sleep(Math.max(0, paceUntil - System.nanoTime()));
            }
            for (long[] entry : created) {
                Long done = awaitReconciled(clock, namespace, "latency-" + entry[0]);
                samples.add(done == null ? Double.NaN : (done - entry[1]) / 1e6);
            }
        }
        Figures all = Figures.of("latency: create to applied + status (p50)", "ms", samples, Double.NaN);
        System.out.printf("[bench] latency p50 %.1f ms, p99 %.1f ms over %d CRs%n", all.median(), all.percentile(99), samples.size());
        figures.add(new Figures("latency: create to applied + status, p50", "ms", List.of(all.median()), Double.NaN, true));
        figures.add(new Figures("latency: create to applied + status, p99", "ms", List.of(all.percentile(99)), 500, true));
    }

    private static Long awaitReconciled(ReconcileClock clock, String namespace, String name) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (clock.reconciledAt(namespace, name) == null && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        return clock.reconciledAt(namespace, name);
    }

    private static void awaitReady(OperatorUnderTest operator) throws InterruptedException {
        while (!operator.runtime().ready()) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static double usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            TimeUnit.MILLISECONDS.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
