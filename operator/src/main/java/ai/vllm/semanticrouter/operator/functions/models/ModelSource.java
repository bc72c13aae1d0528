package ai.vllm.semanticrouter.operator.functions.models;

/** Where the router's models come from: {@code spec.models.source}. */
public enum ModelSource {
    /** Downloaded from Hugging Face (or the mirror in {@code spec.models.huggingFace.endpoint}). */
    HUGGING_FACE("HuggingFace"),
    /** Already on the models volume; nothing is downloaded (air-gapped clusters). */
    PRE_FILLED("PreFilled");

    private final String value;

    ModelSource(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    static ModelSource named(String value) {
        return PRE_FILLED.value.equals(value) ? PRE_FILLED : HUGGING_FACE;
    }
}
