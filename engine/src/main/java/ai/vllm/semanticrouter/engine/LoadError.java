package ai.vllm.semanticrouter.engine;

/**
 * One problem found while loading a composition file.
 *
 * @param origin  the file
 * @param line    1-based line, 0 when unknown
 * @param column  1-based column, 0 when unknown
 * @param message what is wrong and, where possible, how to fix it
 */
public record LoadError(String origin, int line, int column, String message) {

    /** {@code origin:line:column: message}, the format editors and CI logs understand. */
    public String format() {
        return origin + ":" + line + ":" + column + ": " + message;
    }
}
