package ai.vllm.semanticrouter.operator.functions;

/**
 * The outcome of the StorageClass check: whether the PVC may be rendered, and the
 * StorageReady condition's reason and message.
 */
public record StorageVerdict(boolean pvcAllowed, boolean ready, String storageClassName, String reason,
                             String message) {

    static StorageVerdict ready(String reason, String message) {
        return new StorageVerdict(true, true, "", reason, message);
    }
}
