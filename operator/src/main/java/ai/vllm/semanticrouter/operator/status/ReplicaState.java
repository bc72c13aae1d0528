package ai.vllm.semanticrouter.operator.status;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Replica counts read from the live Deployment; {@code exists} is false when there is none, and
 * {@code rollingOut} is true while its controller has not caught up with its spec (with what is pending).
 */
record ReplicaState(boolean exists, int replicas, int ready, int target, boolean rollingOut, String rollout) {

    static ReplicaState of(JsonNode deployment) {
        if (deployment == null || deployment.isMissingNode() || deployment.isNull()) {
            return new ReplicaState(false, 0, 0, 0, false, "");
        }
        int replicas = deployment.path("status").path("replicas").asInt(0);
        int ready = deployment.path("status").path("readyReplicas").asInt(0);
        JsonNode wanted = deployment.path("spec").path("replicas");
        int target = Math.max(replicas, wanted.canConvertToInt() ? wanted.asInt() : 1);
        long generation = deployment.path("metadata").path("generation").asLong(0);
        long observed = deployment.path("status").path("observedGeneration").asLong(0);
        int updated = deployment.path("status").path("updatedReplicas").asInt(replicas);
        String rollout = observed < generation
                ? "the Deployment controller has not yet seen generation " + generation
                : updated < target ? updated + "/" + target + " replicas updated" : "";
        return new ReplicaState(true, replicas, ready, target, !rollout.isEmpty(), rollout);
    }

    Phase phase() {
        if (!exists || ready == 0) {
            return Phase.Pending;
        }
        return ready < target ? Phase.Progressing : Phase.Running;
    }

    Condition available() {
        if (!exists) {
            return Condition.of(Condition.AVAILABLE, false, "DeploymentNotFound", "Deployment has not been created yet");
        }
        if (ready == 0) {
            return Condition.of(Condition.AVAILABLE, false, "NoReplicasReady", "No replicas are ready");
        }
        if (ready < target) {
            return Condition.of(Condition.AVAILABLE, true, "MinimumReplicasAvailable", progress());
        }
        return Condition.of(Condition.AVAILABLE, true, "AllReplicasReady", "All replicas are ready");
    }

    Condition progressing() {
        if (!exists) {
            return Condition.of(Condition.PROGRESSING, true, "DeploymentNotFound", "Deployment has not been created yet");
        }
        if (ready < target || ready == 0) {
            return Condition.of(Condition.PROGRESSING, true, "Progressing", progress());
        }
        return Condition.of(Condition.PROGRESSING, false, "ReconcileComplete", "All replicas are ready");
    }

    String progress() {
        return ready + "/" + target + " replicas ready";
    }
}
