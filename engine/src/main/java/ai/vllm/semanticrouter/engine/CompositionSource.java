package ai.vllm.semanticrouter.engine;

/**
 * The text of one composition file and where it came from.
 *
 * @param origin the file name or path shown in every error about this file
 * @param text   the YAML text
 */
public record CompositionSource(String origin, String text) {
}
