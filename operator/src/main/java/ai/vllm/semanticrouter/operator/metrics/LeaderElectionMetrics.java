package ai.vllm.semanticrouter.operator.metrics;

import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * {@code leader_election_master_status{name}} of controller-runtime ({@code pkg/metrics/leaderelection.go}):
 * 1 while this replica holds the lease {@code name}, 0 after it lost it; no series before it first led,
 * as client-go reports it.
 */
public final class LeaderElectionMetrics {
    private final Gauge status;

    public LeaderElectionMetrics(PrometheusRegistry registry) {
        status = Gauge.builder().name("leader_election_master_status")
                .help("Gauge of if the reporting system is master of the relevant lease, 0 indicates backup, 1 indicates "
                        + "master. 'name' is the string used to identify the lease. Please make sure to group by name.")
                .labelNames("name").register(registry);
    }

    public void leading(String lease) {
        status.labelValues(lease).set(1);
    }

    public void stoppedLeading(String lease) {
        status.labelValues(lease).set(0);
    }
}
