package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.metrics.OperatorMetrics;
import ai.vllm.semanticrouter.operator.runtime.OperatorOptions;
import ai.vllm.semanticrouter.operator.runtime.OperatorRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The operator running in this JVM against a test API server, as it runs in a cluster: informers,
 * queue, workers. API discovery is repeated every second so CRDs installed by a test are noticed fast.
 */
public final class OperatorUnderTest implements AutoCloseable {
    private final OperatorRuntime runtime;

    private OperatorUnderTest(OperatorRuntime runtime) {
        this.runtime = runtime;
    }

    public static OperatorUnderTest start(KubernetesClient client) {
        return start(client, UnaryOperator.identity());
    }

    public static OperatorUnderTest start(KubernetesClient client, UnaryOperator<OperatorOptions> customise) {
        return new OperatorUnderTest(OperatorRuntime.start(client, options(customise)));
    }

    /** With the metrics {@code client} reports its requests to (built through {@code metrics.restClient().instrument}). */
    public static OperatorUnderTest start(KubernetesClient client, UnaryOperator<OperatorOptions> customise,
                                          OperatorMetrics metrics) {
        return new OperatorUnderTest(OperatorRuntime.start(CompletableFuture.completedFuture(client), options(customise),
                metrics));
    }

    private static OperatorOptions options(UnaryOperator<OperatorOptions> customise) {
        return customise.apply(OperatorOptions.defaults()
                .withPorts(0, 0)
                .withWorkers(2)
                .withDiscoveryInterval(Duration.ofSeconds(1)));
    }

    public OperatorRuntime runtime() {
        return runtime;
    }

    /** Reconciles finished so far (the controller_runtime_reconcile counters, every result). */
    public double reconciles() {
        return runtime.metrics().controller().reconciles();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
