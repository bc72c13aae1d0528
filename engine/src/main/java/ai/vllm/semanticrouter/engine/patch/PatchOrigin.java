package ai.vllm.semanticrouter.engine.patch;

/**
 * Where a patch was written, for traces and errors.
 *
 * @param origin      the composition file
 * @param line        the line of the patch
 * @param description the patch type and its paths, e.g. {@code FromCompositeFieldPath spec.replicas}
 * @param patchSet    the patch set it came from, or "" when written in the template
 */
public record PatchOrigin(String origin, int line, String description, String patchSet) {

    /** {@code description (file:line)} or {@code description (patchSet x, file:line)}. */
    public String describe() {
        return description + " (" + (patchSet.isEmpty() ? "" : "patchSet " + patchSet + ", ") + origin + ":" + line + ")";
    }
}
