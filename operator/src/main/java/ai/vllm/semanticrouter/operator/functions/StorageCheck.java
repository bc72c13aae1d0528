package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that the StorageClass the PVC names exists. A missing class blocks only the PVC
 * ({@code environment.storage.pvcAllowed=false}); everything else is still applied.
 */
public final class StorageCheck {
    public static final String STORAGE_CLASS_API = "storage.k8s.io/v1";
    public static final String STORAGE_CLASS_KIND = "StorageClass";

    private final ClusterView view;

    public StorageCheck(ClusterView view) {
        this.view = view;
    }

    public StorageVerdict check(JsonNode cr) {
        JsonNode persistence = cr.path("spec").path("persistence");
        if (persistence.isMissingNode() || !persistence.path("enabled").asBoolean(true)) {
            return StorageVerdict.ready("PersistenceDisabled", "Persistence is disabled: models use an emptyDir");
        }
        String existingClaim = persistence.path("existingClaim").asText("");
        if (!existingClaim.isEmpty()) {
            return StorageVerdict.ready("ExistingClaim", "Using the existing claim " + existingClaim);
        }
        String className = persistence.path("storageClassName").asText("");
        if (className.isEmpty()) {
            return StorageVerdict.ready("DefaultStorageClass", "The PVC uses the cluster's default StorageClass");
        }
        if (view.get(STORAGE_CLASS_API, STORAGE_CLASS_KIND, null, className).isPresent()) {
            return StorageVerdict.ready("StorageClassFound", "StorageClass \"" + className + "\" exists");
        }
        String pvc = cr.path("metadata").path("name").asText() + "-models";
        return new StorageVerdict(false, false, className, "StorageClassNotFound",
                "StorageClass \"" + className + "\" not found: the PersistentVolumeClaim " + pvc
                        + " is not created until it exists");
    }
}
