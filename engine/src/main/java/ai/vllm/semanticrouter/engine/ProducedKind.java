package ai.vllm.semanticrouter.engine;

/** An apiVersion and kind that some resource template's base object has. */
public record ProducedKind(String apiVersion, String kind) {
}
