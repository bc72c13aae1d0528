package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.controller.OperatorOptions;
import ai.vllm.semanticrouter.operator.controller.OperatorRuntime;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;

import java.time.Duration;
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
        OperatorOptions options = customise.apply(OperatorOptions.defaults()
                .withPorts(0, 0)
                .withWorkers(2)
                .withDiscoveryInterval(Duration.ofSeconds(1)));
        return new OperatorUnderTest(OperatorRuntime.start(client, options));
    }

    public OperatorRuntime runtime() {
        return runtime;
    }

    /** Reconciles finished so far (the controller_runtime_reconcile counters, every result). */
    public double reconciles() {
        return runtime.meterRegistry().find("controller_runtime_reconcile").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    @Override
    public void close() {
        runtime.close();
    }
}
