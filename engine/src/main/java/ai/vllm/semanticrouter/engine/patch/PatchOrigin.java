package ai.vllm.semanticrouter.engine.patch;

/**
 * Where a patch was written, for traces and errors.
 *
 * @param origin      the composition file
 * @param line        the line of the patch
 * @param description the patch type and its paths, e.g. {@code FromCompositeFieldPath spec.replicas}
 * @param patchSet    the patch set it came from, or "" when written in the template
 * @param traceLabel  how render traces name the patch (computed once, not per render)
 */
public record PatchOrigin(String origin, int line, String description, String patchSet, String traceLabel) {

    /** With the trace label derived: the description, plus {@code (patchSet x)} when it came from one. */
    public PatchOrigin(String origin, int line, String description, String patchSet) {
        this(origin, line, description, patchSet,
                patchSet.isEmpty() ? description : description + " (patchSet " + patchSet + ")");
    }

    /** {@code description (file:line)} or {@code description (patchSet x, file:line)}. */
    public String describe() {
        return description + " (" + (patchSet.isEmpty() ? "" : "patchSet " + patchSet + ", ") + origin + ":" + line + ")";
    }
}
