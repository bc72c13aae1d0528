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
 * exactly one CR (the previous one is deleted). The launcher keeps
 * an AppCDS archive written by its first start; both variants are measured in alternation, so that
 * machine noise hits them alike.
 */
final class StartupMeasurement {
    private final ApiServer api;
    private final KubernetesClient client;
    private final Path launcher;

    /** The start-up figures: the launcher as shipped (with its archive) and with the archive off. */
    record Result(List<Double> withArchive, List<Double> withoutArchive, double trainingStart) {
    }

    StartupMeasurement(ApiServer api, KubernetesClient client, Path repository) {
        this.api = api;
        this.client = client;
        this.launcher = repository.resolve("bin").resolve("semantic-router-operator").toAbsolutePath().normalize();
    }

    Result measure(int rounds) throws Exception {
        Path archive = launcher.getParent().getParent().resolve("operator/target/operator.jsa");
        Files.deleteIfExists(archive);
        double training = startOnce("first start, writes the archive", Map.of());
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the launcher wrote no class-data archive at " + archive);
        }
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            with.add(startOnce("with the archive, round " + (round + 1), Map.of()));
            without.add(startOnce("archive off, round " + (round + 1), Map.of("SEMANTIC_ROUTER_OPERATOR_CDS", "off")));
        }
        return new Result(with, without, training);
    }

    private double startOnce(String label, Map<String, String> environment) throws Exception {
        String namespace = BenchRouters.namespaceWithBackend(api, client, "bench-startup");
        BenchRouters.create(client, BenchRouters.router(namespace, "first"));
        long start = System.nanoTime();
        Process operator = spawn(environment);
        try {
            long deadline = start + TimeUnit.SECONDS.toNanos(120);
            while (!Routers.reconciled(new Routers(client).get(namespace, "first"))) {
                if (System.nanoTime() > deadline || !operator.isAlive()) {
                    throw new IllegalStateException("the operator did not reconcile " + namespace + "/first (" + label
                            + "); its output: " + logFile());
                }
                TimeUnit.MILLISECONDS.sleep(10);
            }
            double elapsed = (System.nanoTime() - start) / 1e6;
            System.out.printf("[bench] start-up %s: %.0f ms%n", label, elapsed);
            return elapsed;
        } finally {
            operator.destroy();
            if (!operator.waitFor(60, TimeUnit.SECONDS)) {
                operator.destroyForcibly();
            }
            client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName("first").delete();
        }
    }

    private Process spawn(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "run", "--metrics-port", "0", "--health-port", "0")
                .redirectErrorStream(true)
                .redirectOutput(logFile());
        builder.environment().put("KUBECONFIG", api.server().kubeConfigFile().toAbsolutePath().toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static File logFile() {
        return new File(System.getProperty("java.io.tmpdir"), "bench-operator-startup.log");
    }
}
