package ai.vllm.semanticrouter.engine;

/**
 * A template that could not be rendered; the other templates still render.
 *
 * @param compositionName the composition
 * @param resourceName    the template
 * @param patch           the patch that failed (its description and file:line), or "" for the template itself
 * @param fieldPath       the field path involved, or ""
 * @param message         what went wrong
 */
public record RenderError(String compositionName, String resourceName, String patch, String fieldPath, String message) {

    /** A one-line description naming the composition, the template, the patch and the field path. */
    public String format() {
        StringBuilder text = new StringBuilder("composition ").append(compositionName).append(", resource ").append(resourceName);
        if (!patch.isEmpty()) {
            text.append(", patch ").append(patch);
        }
        if (!fieldPath.isEmpty()) {
            text.append(", field ").append(fieldPath);
        }
        return text.append(": ").append(message).toString();
    }
}
