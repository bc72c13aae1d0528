package ai.vllm.semanticrouter.operator.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How {@link OperatorRuntime} runs. Start from {@link #defaults()} and change fields with the
 * {@code with*} methods. A port of 0 picks a free port; -1 disables that HTTP endpoint.
 *
 * @param namespace        the only namespace to watch, or null for all
 * @param discoveryInterval how often API discovery is repeated (new kinds are then watched)
 */
public record OperatorOptions(String namespace, int workers, int metricsPort, int healthPort,
                              boolean leaderElection, String leaseNamespace, String leaseName, String identity,
                              Duration leaseDuration, Duration renewDeadline, Duration retryPeriod,
                              List<Path> compositionDirs,
                              Duration discoveryInterval, Duration crResync) {

    public static final String LEASE_NAME = "semantic-router-operator.vllm.ai";
    public static final String OPERATOR_NAMESPACE = "semantic-router-operator-system";

    public OperatorOptions {
        compositionDirs = List.copyOf(compositionDirs);
    }

    public static OperatorOptions defaults() {
        return new OperatorOptions(null, 2, 8080, 8081, false, defaultLeaseNamespace(), LEASE_NAME,
                defaultIdentity(), Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2),
                List.of(), Duration.ofSeconds(30), Duration.ofMinutes(10));
    }

    public OperatorOptions withNamespace(String value) {
        return new OperatorOptions(value, workers, metricsPort, healthPort, leaderElection, leaseNamespace, leaseName,
                identity, leaseDuration, renewDeadline, retryPeriod, compositionDirs, discoveryInterval, crResync);
    }

    public OperatorOptions withWorkers(int value) {
        return new OperatorOptions(namespace, value, metricsPort, healthPort, leaderElection, leaseNamespace, leaseName,
                identity, leaseDuration, renewDeadline, retryPeriod, compositionDirs, discoveryInterval, crResync);
    }

    public OperatorOptions withPorts(int metrics, int health) {
        return new OperatorOptions(namespace, workers, metrics, health, leaderElection, leaseNamespace, leaseName,
                identity, leaseDuration, renewDeadline, retryPeriod, compositionDirs, discoveryInterval, crResync);
    }

    public OperatorOptions withLeaderElection(boolean enabled, String leaseNs, String id) {
        return new OperatorOptions(namespace, workers, metricsPort, healthPort, enabled, leaseNs, leaseName,
                id, leaseDuration, renewDeadline, retryPeriod, compositionDirs, discoveryInterval, crResync);
    }

    public OperatorOptions withLeaseTimings(Duration duration, Duration renew, Duration retry) {
        return new OperatorOptions(namespace, workers, metricsPort, healthPort, leaderElection, leaseNamespace, leaseName,
                identity, duration, renew, retry, compositionDirs, discoveryInterval, crResync);
    }

    public OperatorOptions withCompositionDirs(List<Path> dirs) {
        return new OperatorOptions(namespace, workers, metricsPort, healthPort, leaderElection, leaseNamespace, leaseName,
                identity, leaseDuration, renewDeadline, retryPeriod, dirs, discoveryInterval, crResync);
    }

    public OperatorOptions withDiscoveryInterval(Duration value) {
        return new OperatorOptions(namespace, workers, metricsPort, healthPort, leaderElection, leaseNamespace, leaseName,
                identity, leaseDuration, renewDeadline, retryPeriod, compositionDirs, value, crResync);
    }

    /** POD_NAMESPACE, else the in-cluster service account's namespace, else semantic-router-operator-system. */
    static String defaultLeaseNamespace() {
        String fromEnv = System.getenv("POD_NAMESPACE");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        Path serviceAccount = Path.of("/var/run/secrets/kubernetes.io/serviceaccount/namespace");
        try {
            return java.nio.file.Files.readString(serviceAccount).trim();
        } catch (java.io.IOException | SecurityException e) {
            return OPERATOR_NAMESPACE;
        }
    }

    static String defaultIdentity() {
        String pod = System.getenv("POD_NAME");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        String host = System.getenv().getOrDefault("HOSTNAME", "operator");
        return host + "_" + java.util.UUID.randomUUID();
    }
}
