package ai.vllm.semanticrouter.engine;

/**
 * Which patch wrote a field, for {@code render --explain}.
 *
 * @param resourceName the template
 * @param fieldPath    the field written in the object
 * @param origin       the composition file
 * @param line         the line of the patch in that file
 * @param patch        a short description of the patch (type, patch set)
 */
public record TraceEntry(String resourceName, String fieldPath, String origin, int line, String patch) {
}
