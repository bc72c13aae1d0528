package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Where a model's reasoning family comes from: {@code spec.config.reasoning_families}, or, on v0.4,
 * the router's built-in catalog (the {@code reasoning_families} of the catalog that ships with
 * vllm-sr 0.4.0, {@code cli/model_assets/v0.4/catalog.yaml}), referred to as
 * {@code reasoning: {family: <id>}}. v0.3 routers have no built-in families.
 */
final class ReasoningFamilies {
    /** Built-in v0.4 families that can be switched off per request. */
    private static final Set<String> SWITCHABLE = Set.of("deepseek", "deepseek-v3.2", "deepseek-v3.1", "qwen3", "qwen3.8",
            "glm", "glm-5.2", "hunyuan", "hunyuan-hy3", "hunyuan-hy4", "gpt", "gpt-5.6", "gpt-5.5", "gpt-5.4", "grok-4.3",
            "claude-effort-adaptive", "claude-effort-opt-in", "kimi-k2", "minimax-m3", "mistral-none-high", "mimo",
            "inkling", "gemma4", "nemotron-thinking-toggle", "nemotron-super", "nemotron-ultra");
    /** Built-in v0.4 families that always think: {@code use_reasoning: false} is refused for them. */
    private static final Set<String> ALWAYS_ON = Set.of("qwen3-always-on", "qwen3.8-always-on", "glm-5.3", "gpt-oss",
            "gpt-6-astra", "grok-4.5", "grok-4.6", "claude-effort-always-on", "kimi-k3", "kimi-k2-always-on", "step-3.7",
            "muse-glimmer", "muse-spark", "muse-spark-1.3", "gemini-flash-four-level-medium",
            "gemini-flash-three-level-medium");

    /** How the router finds a model's family. */
    enum Source { NONE, DEFINED, BUILT_IN, UNKNOWN }

    private final JsonNode defined;
    private final ConfigDialect dialect;

    ReasoningFamilies(JsonNode defined, ConfigDialect dialect) {
        this.defined = defined;
        this.dialect = dialect;
    }

    Source source(ProviderModel model) {
        String family = model.reasoningFamily();
        if (family.isEmpty()) {
            return Source.NONE;
        }
        if (defined.path(family).isObject()) {
            return Source.DEFINED;
        }
        boolean builtIn = SWITCHABLE.contains(family) || ALWAYS_ON.contains(family);
        return dialect == ConfigDialect.V0_4 && builtIn ? Source.BUILT_IN : Source.UNKNOWN;
    }

    /** The model always thinks: a built-in always-on family. */
    boolean alwaysOn(ProviderModel model) {
        return source(model) == Source.BUILT_IN && ALWAYS_ON.contains(model.reasoningFamily());
    }

    /** The v0.4 built-in families, for the message of a refusal. */
    static String builtInExamples() {
        return "qwen3, deepseek, gpt, gpt-oss, glm, kimi-k2, gemma4, ...";
    }
}
