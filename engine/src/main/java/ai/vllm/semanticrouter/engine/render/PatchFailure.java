package ai.vllm.semanticrouter.engine.render;

/** A patch that cannot be applied: names the patch and the field path. */
final class PatchFailure extends RuntimeException {
    private final String patch;
    private final String fieldPath;

    PatchFailure(String patch, String fieldPath, String message) {
        super(message);
        this.patch = patch;
        this.fieldPath = fieldPath;
    }

    String patch() {
        return patch;
    }

    String fieldPath() {
        return fieldPath;
    }
}
