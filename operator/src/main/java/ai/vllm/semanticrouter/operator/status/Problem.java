package ai.vllm.semanticrouter.operator.status;

/** Something the reconcile could not do, as a condition reason and a human message. */
public record Problem(String reason, String message) {
    public static final String RENDER_FAILED = "RenderFailed";
    public static final String APPLY_FAILED = "ApplyFailed";
    public static final String PRUNE_FAILED = "PruneFailed";
    public static final String API_NOT_INSTALLED = "APINotInstalled";
    public static final String ROUTER_CONFIG_INVALID = "RouterConfigInvalid";
    public static final String INVALID_SPEC = "InvalidSpec";
    public static final String BACKEND_NOT_FOUND = "BackendNotFound";
    public static final String STORAGE_CLASS_NOT_FOUND = "StorageClassNotFound";
    public static final String NO_DEFAULT_STORAGE_CLASS = "NoDefaultStorageClass";
    public static final String MODEL_VOLUME_NOT_SHARED = "ModelVolumeNotShared";
}
