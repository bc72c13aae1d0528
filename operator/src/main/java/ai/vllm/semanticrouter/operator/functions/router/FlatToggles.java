package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What acts in the flat format of v0.1/v0.2 routers: those routers honour the global toggles
 * themselves (the config composition copies {@code spec.config} as written), so there is nothing
 * to add, only to report. The canonical-only fields have no place there.
 */
final class FlatToggles {
    private FlatToggles() {
    }

    static void report(JsonNode config, Findings findings, FeatureTrace trace) {
        if (on(config.path("prompt_guard"))) {
            trace.acts("prompt guard - global prompt_guard (flat format: the router checks every request)");
        }
        JsonNode cache = Copy.present(config.get("semantic_cache")) ? config.path("semantic_cache") : config.path("response_cache");
        if (on(cache)) {
            trace.acts("cache - global semantic_cache (flat format: every request)");
        }
        if (on(config.path("tools"))) {
            trace.acts("tools - global tools (flat format: requests that send tool_choice auto)");
        }
        if (config.path("overlay").isObject() && !config.path("overlay").isEmpty()) {
            findings.ignore("spec.config.overlay", "it holds fragments of the canonical format, which v0.1/v0.2 routers do not read");
        }
    }

    private static boolean on(JsonNode block) {
        return block.isObject() && block.path("enabled").asBoolean(true);
    }
}
