package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.Set;

/**
 * A models volume the operator creates with a single-node access mode, mounted by pods that the
 * scheduler may put on different nodes: the second node's pod waits for the volume forever
 * (Multi-Attach), which Kubernetes shows only in that pod's events. This makes it the
 * StorageReady/Stalled reason, with the fixes. An existingClaim's access mode is the claim's own
 * and is not read.
 */
final class VolumeSharing {
    static final String REASON = "ModelVolumeNotShared";
    private static final Set<String> SINGLE_NODE = Set.of("ReadWriteOnce", "ReadWriteOncePod");

    private VolumeSharing() {
    }

    static Optional<StorageVerdict> check(JsonNode cr) {
        JsonNode spec = cr.path("spec");
        String accessMode = spec.path("persistence").path("accessMode").asText("ReadWriteOnce");
        if (!SINGLE_NODE.contains(accessMode)) {
            return Optional.empty();
        }
        Optional<String> pods = morePodsThanOne(spec);
        if (pods.isEmpty()) {
            return Optional.empty();
        }
        String pvc = cr.path("metadata").path("name").asText() + "-models";
        return Optional.of(new StorageVerdict(true, false, "", REASON,
                "spec.persistence.accessMode is " + accessMode + " but " + pods.get() + ": the PersistentVolumeClaim "
                        + pvc + " attaches to one node" + ("ReadWriteOncePod".equals(accessMode) ? " and one pod" : "")
                        + ", so a pod on another node never starts (Multi-Attach). Fix: spec.persistence.accessMode:"
                        + " ReadWriteMany (with a StorageClass that supports it), or spec.persistence.enabled: false"
                        + " (an emptyDir per pod, filled by the model download step), or one replica without autoscaling"));
    }

    /** Why more than one pod may mount the volume, or empty when at most one does. */
    private static Optional<String> morePodsThanOne(JsonNode spec) {
        JsonNode autoscaling = spec.path("autoscaling");
        if (autoscaling.path("enabled").asBoolean(false)) {
            int max = autoscaling.path("maxReplicas").asInt(10);
            return max > 1 ? Optional.of("spec.autoscaling.maxReplicas is " + max) : Optional.empty();
        }
        int replicas = spec.path("replicas").asInt(1);
        return replicas > 1 ? Optional.of("spec.replicas is " + replicas) : Optional.empty();
    }
}
