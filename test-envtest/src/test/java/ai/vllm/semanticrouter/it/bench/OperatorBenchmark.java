package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Operator benchmarks on a real API server (issue 9): create latency, scale, idle writes, retained
 * heap per CR, start-up time and writes per CR; the operator as its own process, with warm updates of
 * every router (issue 26). Prints every figure and writes
 * bench/results/&lt;date&gt;.json and the table in bench/README.md.
 *
 * <p>System properties: bench.rounds (3), bench.latencyCrs (30 per round), bench.scaleCrs (500),
 * bench.idleSeconds (60), bench.processIdleSeconds (10), bench.only (startup; footprint: start-up
 * and the operator as its own process; process: only the latter), bench.javaOpts (JAVA_OPTS for the operator processes, to
 * compare flags or record a profile), bench.operatorEnv (more of their environment), bench.jcmd (diagnostic commands run on the idle operator
 * process, see {@link ProcessFootprint}), bench.out (the repository's bench folder), bench.repository
 * (the checkout, "..").
 */
public final class OperatorBenchmark {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int LATENCY_CRS = Integer.getInteger("bench.latencyCrs", 30);
    private static final int SCALE_CRS = Integer.getInteger("bench.scaleCrs", 500);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idleSeconds", 60);
    private static final int PROCESS_IDLE_SECONDS = Integer.getInteger("bench.processIdleSeconds", 10);
    /** bench.only=startup measures only the start-up (a quick check; the report files are left alone). */
    private static final boolean STARTUP_ONLY = "startup".equals(System.getProperty("bench.only"));
    /** bench.only=footprint: start-up and the operator process's footprint only (report files left alone). */
    private static final boolean FOOTPRINT_ONLY = "footprint".equals(System.getProperty("bench.only"));
    /** bench.only=process: the operator process's footprint only (e.g. the image's JVM, which has no cache). */
    private static final boolean PROCESS_ONLY = "process".equals(System.getProperty("bench.only"));
    /**
     * The environment of every operator process the benchmark starts (none: the launcher as shipped):
     * bench.javaOpts becomes JAVA_OPTS, bench.operatorEnv adds NAME=value pairs separated by ','
     * (e.g. SEMANTIC_ROUTER_OPERATOR_AOT=off, with -XX:MaxRAM=384m in bench.javaOpts, for the image
     * under a 384Mi limit: its JVM has no ahead-of-time cache and sizes itself from the limit).
     */
    private static final Map<String, String> OPERATOR_ENVIRONMENT = operatorEnvironment();
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
        if (STARTUP_ONLY || FOOTPRINT_ONLY || PROCESS_ONLY) {
            benchmark.figures.forEach(f -> System.out.printf("[bench] %s: min %.2f, median %.2f, max %.2f %s%n",
                    f.name(), f.min(), f.median(), f.max(), f.unit()));
            System.out.println("[bench] bench.only=" + System.getProperty("bench.only") + ": report files not written");
        } else {
            BenchReport.write(Path.of(System.getProperty("bench.out", "../bench")), benchmark.figures);
        }
        System.exit(0);
    }

    private void runAll() throws Exception {
        Routers.installCrd(client);
        if (!PROCESS_ONLY) {
            startup();
        }
        if (STARTUP_ONLY) {
            return;
        }
        processRounds();
        if (FOOTPRINT_ONLY || PROCESS_ONLY) {
            return;
        }
        scaleRounds();
    }

    private void startup() throws Exception {
        StartupMeasurement.Result startup = new StartupMeasurement(api, client, REPOSITORY, OPERATOR_ENVIRONMENT)
                .measure(ROUNDS);
        figures.add(Figures.of("start-up: process start to first reconcile done", "ms", startup.withCache(), 1000)
                .against(GoOperator.START_TO_FIRST_RECONCILE));
        figures.add(Figures.of("start-up: CPU used until the first reconcile done", "s", startup.cpuWithCache(), Double.NaN));
        figures.add(Figures.of("start-up without the AOT cache", "ms", startup.withoutCache(), Double.NaN));
        figures.add(Figures.of("start-up, first run (trains the AOT cache)", "ms", List.of(startup.trainingStart()), Double.NaN));
    }

    private void scaleRounds() throws Exception {
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

    /**
     * The operator as its own process, as users start it: CPU, resident memory, convergence, writes,
     * then the warm updates of every router (replicas, config).
     */
    private void processRounds() throws Exception {
        ProcessFootprint footprint = new ProcessFootprint(StartupMeasurement.launcher(REPOSITORY), SCALE_CRS,
                PROCESS_IDLE_SECONDS, OPERATOR_ENVIRONMENT);
        List<ProcessFootprint.Round> samples = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            samples.add(footprint.measure("bench-process-" + round));
        }
        figures.addAll(ProcessFigures.of(samples, SCALE_CRS, PROCESS_IDLE_SECONDS));
    }

    private static Map<String, String> operatorEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>();
        String javaOpts = System.getProperty("bench.javaOpts", "");
        if (!javaOpts.isBlank()) {
            environment.put("JAVA_OPTS", javaOpts);
        }
        for (String pair : System.getProperty("bench.operatorEnv", "").split(",")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                environment.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
            } else if (!pair.isBlank()) {
                throw new IllegalArgumentException("bench.operatorEnv: '" + pair + "' is not NAME=value");
            }
        }
        return Map.copyOf(environment);
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
        List<String> namespaces = BenchRouters.scaleNamespaces(server, roundClient, "bench-scale");
        long start = System.nanoTime();
        BenchRouters.createAtOnce(roundClient, namespaces, SCALE_CRS);
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
        figures.add(Figures.of("latency: create to applied + status, p50", "ms", List.of(all.median()), Double.NaN));
        figures.add(Figures.of("latency: create to applied + status, p99", "ms", List.of(all.percentile(99)), 500));
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
