package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up time of the real command line: from spawning {@code java ... Main run} to the first CR
 * (created before the start) having status for its generation.
 */
final class StartupMeasurement {
    private final ApiServer api;
    private final KubernetesClient client;

    StartupMeasurement(ApiServer api, KubernetesClient client) {
        this.api = api;
        this.client = client;
    }

    List<Double> measure(int rounds) throws Exception {
        List<Double> millis = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            String namespace = api.newNamespace("bench-startup");
            BenchRouters.create(client, BenchRouters.router(namespace, "first"));
            long start = System.nanoTime();
            Process operator = spawn();
            try {
                long deadline = start + TimeUnit.SECONDS.toNanos(60);
                while (!Routers.reconciled(new Routers(client).get(namespace, "first")) && System.nanoTime() < deadline) {
                    TimeUnit.MILLISECONDS.sleep(10);
                }
                double elapsed = (System.nanoTime() - start) / 1e6;
                System.out.printf("[bench] start-up round %d: %.0f ms%n", round + 1, elapsed);
                millis.add(elapsed);
            } finally {
                operator.destroy();
                operator.waitFor(20, TimeUnit.SECONDS);
            }
        }
        return millis;
    }

    private Process spawn() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "ai.vllm.semanticrouter.operator.cli.Main", "run", "--metrics-port", "0", "--health-port", "0")
                .redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "bench-operator-startup.log"));
        builder.environment().put("KUBECONFIG", api.server().kubeConfigFile().toAbsolutePath().toString());
        return builder.start();
    }
}
