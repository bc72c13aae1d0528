package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * What acts in the flat format of v0.1/v0.2 routers: those routers honour the global toggles
 * themselves, so there is nothing to add, only to report; and the flat config.yaml, which is
 * {@code spec.config} as written less the fields this operator added for the canonical format
 * (the API server fills some of them in by default, e.g. {@code classifier.pii_model.policy}).
 */
final class FlatToggles {
    /** Per block of {@code spec.config} ("" for the top level), the fields only the canonical format reads. */
    private static final Map<String, Set<String>> CANONICAL_ONLY = Map.of(
            "", Set.of("overlay"),
            "prompt_guard", Set.of("block_message"),
            "semantic_cache", Set.of("scope"),
            "response_cache", Set.of("scope"),
            "classifier/pii_model", Set.of("policy", "route_model", "block_message"));

    private FlatToggles() {
    }

    /** The flat config.yaml before the config composition turns thresholds into numbers. */
    static ObjectNode document(JsonNode config) {
        ObjectNode document = config.isObject() ? ((ObjectNode) config).deepCopy() : JsonNodeFactory.instance.objectNode();
        CANONICAL_ONLY.forEach((block, fields) -> {
            JsonNode target = block.isEmpty() ? document : document.at("/" + block);
            if (target instanceof ObjectNode object) {
                object.remove(fields);
            }
        });
        return document;
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
