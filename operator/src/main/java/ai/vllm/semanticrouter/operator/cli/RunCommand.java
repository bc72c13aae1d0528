package ai.vllm.semanticrouter.operator.cli;

import ai.vllm.semanticrouter.operator.leadership.Leadership;
import ai.vllm.semanticrouter.operator.metrics.OperatorMetrics;
import ai.vllm.semanticrouter.operator.runtime.OperatorClient;
import io.fabric8.kubernetes.client.Config;
import ai.vllm.semanticrouter.operator.runtime.OperatorOptions;
import ai.vllm.semanticrouter.operator.runtime.OperatorRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/** {@code run}: the operator, in the cluster or against the current kubeconfig, until SIGTERM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the operator (in-cluster config, else the current kubeconfig) until SIGTERM or Ctrl-C.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--namespace", description = "Watch only this namespace (default: all).")
    String namespace;

    @Option(names = "--metrics-port", defaultValue = "8080", description = "Port of /metrics (default: ${DEFAULT-VALUE}).")
    int metricsPort;

    @Option(names = "--health-port", defaultValue = "8081",
            description = "Port of /healthz and /readyz (default: ${DEFAULT-VALUE}).")
    int healthPort;

    @Option(names = "--leader-election", description = "Elect a leader on the Lease semantic-router-operator.vllm.ai.")
    boolean leaderElection;

    @Option(names = "--leader-election-namespace",
            description = "Namespace of the Lease (default: POD_NAMESPACE, the service account's, or semantic-router-operator-system).")
    String leaseNamespace;

    @Option(names = "--lease-duration", defaultValue = "15", description = "Lease duration in seconds (default: ${DEFAULT-VALUE}).")
    long leaseSeconds;

    @Option(names = "--renew-deadline", defaultValue = "10", description = "Renew deadline in seconds (default: ${DEFAULT-VALUE}).")
    long renewSeconds;

    @Option(names = "--retry-period", defaultValue = "2", description = "Retry period in seconds (default: ${DEFAULT-VALUE}).")
    long retrySeconds;

    @Option(names = "--workers", defaultValue = "2", description = "Concurrent reconciles (default: ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--compositions-dir", description = "Directory of user compositions, loaded beside the built-in ones (repeatable).")
    List<Path> compositionDirs = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        OperatorOptions defaults = OperatorOptions.defaults();
        OperatorOptions options = defaults.withNamespace(namespace).withWorkers(workers)
                .withPorts(metricsPort, healthPort)
                .withLeaderElection(leaderElection, leaseNamespace != null ? leaseNamespace : defaults.leaseNamespace(),
                        defaults.identity())
                .withLeaseTimings(Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(renewSeconds),
                        Duration.ofSeconds(retrySeconds))
                .withCompositionDirs(compositionDirs);
        OperatorMetrics metrics = OperatorMetrics.create();
        CompletableFuture<KubernetesClient> connecting = connect(metrics);
        OperatorRuntime runtime = OperatorRuntime.start(connecting, options, metrics);
        KubernetesClient client = connecting.join();
        LOG.info("Operator started namespace={} workers={} metricsPort={} healthPort={} leaderElection={}",
                namespace == null ? "<all>" : namespace, workers, metricsPort, healthPort, leaderElection);
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            runtime.close();
            client.close();
            stopped.countDown();
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        runtime.leadershipLost().thenRun(stopped::countDown);
        stopped.await();
        if (runtime.leadershipLost().isDone()) {
            LOG.error("Leadership lost; exiting so that another replica takes over");
            return 1;
        }
        return 0;
    }

    /**
     * Builds the client ({@link OperatorClient}; in-cluster config, else the kubeconfig) on its own thread; it
     * counts its requests in metrics.
     */
    private static CompletableFuture<KubernetesClient> connect(OperatorMetrics metrics) {
        return CompletableFuture.supplyAsync(() -> metrics.restClient().instrument(OperatorClient.builder(Config.autoConfigure(null))).build(),
                task -> new Thread(task, "connect").start());
    }
}
