package ai.vllm.semanticrouter.operator.status;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code Stalled} and {@code Reconciling}, the two conditions kstatus (Flux, kpt, Argo CD's health
 * checks built on it) reads: Stalled=True when only a user's action can help, so GitOps tools fail
 * fast with our message; otherwise Reconciling=True while work is in flight. Never both True.
 */
final class KstatusConditions {
    /** Problem reasons that no retry can fix: the CR, the cluster's StorageClasses or a backend must change. */
    static final Set<String> USER_FIXABLE = Set.of(Problem.BACKEND_NOT_FOUND, Problem.STORAGE_CLASS_NOT_FOUND,
            Problem.NO_DEFAULT_STORAGE_CLASS, Problem.MODEL_VOLUME_NOT_SHARED, Problem.ROUTER_CONFIG_INVALID,
            Problem.RENDER_FAILED, Problem.INVALID_SPEC);

    private KstatusConditions() {
    }

    /** The problems among {@code problems} that stall the CR, in their order. */
    static List<Problem> stalling(List<Problem> problems) {
        return problems.stream().filter(p -> USER_FIXABLE.contains(p.reason())).toList();
    }

    static Condition stalled(List<Problem> stalling) {
        if (stalling.isEmpty()) {
            return Condition.of(Condition.STALLED, false, "NotStalled", "Nothing needs a user's action");
        }
        return Condition.of(Condition.STALLED, true, stalling.get(0).reason(), join(stalling));
    }

    /**
     * Reconciling while the CR is not stalled and something is still converging: a transient
     * failure being retried, replicas not ready or not yet updated, or an object its composition's
     * readiness checks do not pass yet.
     */
    static Condition reconciling(List<Problem> stalling, List<Problem> transientFailures, ReplicaState replicas,
                                 List<ResourceReadiness> notReady) {
        if (!stalling.isEmpty()) {
            return Condition.of(Condition.RECONCILING, false, "Stalled",
                    "Waiting for a user's action: " + stalling.get(0).reason());
        }
        if (!transientFailures.isEmpty()) {
            return Condition.of(Condition.RECONCILING, true, transientFailures.get(0).reason(),
                    join(transientFailures) + "; retrying");
        }
        if (!replicas.exists()) {
            return Condition.of(Condition.RECONCILING, true, "DeploymentNotFound", "Deployment has not been created yet");
        }
        if (replicas.rollingOut()) {
            return Condition.of(Condition.RECONCILING, true, "RollingOut", replicas.rollout());
        }
        if (replicas.phase() != Phase.Running) {
            return Condition.of(Condition.RECONCILING, true, "ReplicasNotReady", replicas.progress());
        }
        if (!notReady.isEmpty()) {
            return Condition.of(Condition.RECONCILING, true, "ResourcesNotReady", ResourceReadiness.describe(notReady));
        }
        return Condition.of(Condition.RECONCILING, false, "ReconcileComplete",
                "Every resource is applied and all replicas are ready");
    }

    private static String join(List<Problem> problems) {
        return problems.stream().map(Problem::message).collect(Collectors.joining("; "));
    }
}
