package ai.vllm.semanticrouter.operator.leadership;

import ai.vllm.semanticrouter.operator.metrics.LeaderElectionMetrics;
import ai.vllm.semanticrouter.operator.runtime.OperatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Leader election on the Lease {@code semantic-router-operator.vllm.ai}, with controller-runtime's
 * timings by default (15 s lease, 10 s renew deadline, 2 s retry). Only the leader reconciles.
 * {@code leader_election_master_status{name=<lease>}} says whether this replica leads.
 */
public final class Leadership implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final CompletableFuture<?> election;
    private final CompletableFuture<Void> lost = new CompletableFuture<>();

    private Leadership(KubernetesClient client, OperatorOptions options, LeaderElectionMetrics metrics,
                       Runnable onStartLeading) {
        var config = new LeaderElectionConfigBuilder()
                .withName(options.leaseName())
                .withLock(new LeaseLock(options.leaseNamespace(), options.leaseName(), options.identity()))
                .withLeaseDuration(options.leaseDuration())
                .withRenewDeadline(options.renewDeadline())
                .withRetryPeriod(options.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            LOG.info("Became leader lease={}/{} identity={}", options.leaseNamespace(),
                                    options.leaseName(), options.identity());
                            metrics.leading(options.leaseName());
                            onStartLeading.run();
                        },
                        () -> {
                            LOG.warn("Stopped leading lease={}/{} identity={}", options.leaseNamespace(),
                                    options.leaseName(), options.identity());
                            metrics.stoppedLeading(options.leaseName());
                            lost.complete(null);
                        },
                        leader -> LOG.info("Leader is now {}", leader)))
                .build();
        LOG.info("Waiting for leadership lease={}/{} identity={}", options.leaseNamespace(), options.leaseName(),
                options.identity());
        this.election = client.leaderElector().withConfig(config).build().start();
    }

    public static Leadership start(KubernetesClient client, OperatorOptions options, LeaderElectionMetrics metrics,
                            Runnable onStartLeading) {
        return new Leadership(client, options, metrics, onStartLeading);
    }

    /** Completes when this replica lost (or gave up) the lease. */
    public CompletableFuture<Void> lost() {
        return lost;
    }

    @Override
    public void close() {
        election.cancel(true);
    }
}
