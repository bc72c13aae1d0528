package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of the command users run, {@code bin/semantic-router-operator run}: from spawning it
 * to the first CR (created before the start) having status for its generation; each start finds
 * exactly one CR (the previous one is deleted). The launcher keeps an ahead-of-time cache (JDK 25)
 * written by its first start, the training run; starts with and without it are measured in
 * alternation, so that machine noise hits them alike.
 */
final class StartupMeasurement {
    private final ApiServer api;
    private final KubernetesClient client;
    private final Path launcher;
    private final Map<String, String> environment;

    /**
     * The start-up figures: the launcher as shipped (with its cache) and with the cache off, and
     * the CPU seconds the JVM used until the first reconcile was done (as shipped).
     */
    record Result(List<Double> withCache, List<Double> withoutCache, double trainingStart, List<Double> cpuWithCache) {
    }

    /** One start: milliseconds to the first reconcile done, and CPU seconds the JVM used until then. */
    private record Start(double millis, double cpuSeconds) {
    }

    /** @param environment for every start (e.g. JAVA_OPTS); the cache switch is added where measured */
    StartupMeasurement(ApiServer api, KubernetesClient client, Path repository, Map<String, String> environment) {
        this.api = api;
        this.client = client;
        this.launcher = launcher(repository);
        this.environment = environment;
    }

    /** bin/semantic-router-operator of the checkout. */
    static Path launcher(Path repository) {
        return repository.resolve("bin").resolve("semantic-router-operator").toAbsolutePath().normalize();
    }

    Result measure(int rounds) throws Exception {
        Path cache = launcher.getParent().getParent().resolve("operator/target/operator.aot");
        Files.deleteIfExists(cache);
        double training = startOnce("first start, trains the cache", Map.of()).millis();
        if (!Files.isRegularFile(cache)) {
            throw new IllegalStateException("the launcher wrote no ahead-of-time cache at " + cache);
        }
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            Start shipped = startOnce("with the cache, round " + (round + 1), Map.of());
            with.add(shipped.millis());
            cpu.add(shipped.cpuSeconds());
            without.add(startOnce("cache off, round " + (round + 1), Map.of("SEMANTIC_ROUTER_OPERATOR_AOT", "off")).millis());
        }
        return new Result(with, without, training, cpu);
    }

    private Start startOnce(String label, Map<String, String> environment) throws Exception {
        String namespace = BenchRouters.namespaceWithBackend(api, client, "bench-startup");
        BenchRouters.create(client, BenchRouters.router(namespace, "first"));
        Map<String, String> variables = new java.util.HashMap<>(this.environment);
        variables.putAll(environment);
        try (OperatorProcess operator = OperatorProcess.start(launcher, api.server().kubeConfigFile(), variables, logFile())) {
            long deadline = operator.startNanos() + TimeUnit.SECONDS.toNanos(120);
            while (!Routers.reconciled(new Routers(client).get(namespace, "first"))) {
                if (System.nanoTime() > deadline || !operator.alive()) {
                    throw new IllegalStateException("the operator did not reconcile " + namespace + "/first (" + label
                            + "); its output: " + logFile());
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
            Start start = new Start(operator.elapsedMillis(), operator.cpuSeconds());
            System.out.printf("[bench] start-up %s: %.0f ms, %.2f s CPU%n", label, start.millis(), start.cpuSeconds());
            return start;
        } finally {
            client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName("first").delete();
        }
    }

    private static File logFile() {
        return new File(System.getProperty("java.io.tmpdir"), "bench-operator-startup.log");
    }
}
