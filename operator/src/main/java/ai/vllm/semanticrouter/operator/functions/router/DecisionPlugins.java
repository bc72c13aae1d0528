package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The cache and tool selection as the router acts on them: since the canonical format a store or
 * integration in {@code global} only declares the capability, and a request gets it only when the
 * decision it matched carries the plugin. So every decision that routes to a model gets the
 * plugins the CR turns on, the CR's own decisions included, unless the decision already names a
 * plugin of that kind (that is how a decision opts out: {@code enabled: false}). Runs before the
 * guards are added, so the decision that routes requests with personal information is never cached.
 */
final class DecisionPlugins {
    private static final Set<String> CACHE_TYPES = Set.of("semantic-cache", "response_cache");

    private final ConfigDialect dialect;
    private final FeatureTrace trace;

    DecisionPlugins(ConfigDialect dialect, FeatureTrace trace) {
        this.dialect = dialect;
        this.trace = trace;
    }

    void apply(JsonNode config, ArrayNode decisions) {
        String cacheField = Copy.present(config.get("response_cache")) || !Copy.present(config.get("semantic_cache"))
                ? "response_cache" : "semantic_cache";
        JsonNode cache = config.path(cacheField);
        if (enabled(cache)) {
            ObjectNode plugin = cachePlugin(cache);
            List<String> on = attach(decisions, plugin, CACHE_TYPES, "spec.config." + cacheField);
            acts(on, "cache - plugin " + plugin.path("type").asText()
                    + (dialect == ConfigDialect.V0_4 ? " (scope " + plugin.path("configuration").path("scope").asText() + ")" : "")
                    + " on decisions " + String.join(", ", on));
        }
        JsonNode tools = config.path("tools");
        if (enabled(tools)) {
            ObjectNode plugin = JsonNodeFactory.instance.objectNode().put("type", "tools");
            plugin.putObject("configuration").put("enabled", true).put("mode", "passthrough").put("semantic_selection", true);
            List<String> on = attach(decisions, plugin, Set.of("tools"), "spec.config.tools");
            acts(on, "tools - plugin tools (top_k " + tools.path("top_k").asText("3") + ") on decisions "
                    + String.join(", ", on) + ", for requests that send tool_choice auto");
        }
    }

    private void acts(List<String> decisions, String feature) {
        if (!decisions.isEmpty()) {
            trace.acts(feature);
        }
    }

    private static boolean enabled(JsonNode block) {
        return block.isObject() && block.path("enabled").asBoolean(true);
    }

    private ObjectNode cachePlugin(JsonNode cache) {
        ObjectNode plugin = JsonNodeFactory.instance.objectNode();
        ObjectNode configuration = JsonNodeFactory.instance.objectNode().put("enabled", true);
        if (dialect == ConfigDialect.V0_3) {
            plugin.put("type", "semantic-cache");
            Copy.number(cache, "similarity_threshold", configuration);
        } else {
            plugin.put("type", "response_cache");
            configuration.put("scope", cache.path("scope").asText("global"));
            configuration.put("mode", "semantic");
            Copy.number(cache, "similarity_threshold", Copy.object(configuration, "semantic"));
            if (configuration.path("semantic").isEmpty()) {
                configuration.remove("semantic");
            }
        }
        Copy.field(cache, "ttl_seconds", configuration);
        plugin.set("configuration", configuration);
        return plugin;
    }

    /** Adds the plugin to every decision that routes and names no plugin of its kind; the names of those decisions. */
    private List<String> attach(ArrayNode decisions, ObjectNode plugin, Set<String> kind, String crField) {
        List<String> names = new ArrayList<>();
        for (JsonNode decision : decisions) {
            String name = decision.path("name").asText();
            if (decision.path("modelRefs").isEmpty() || hasPlugin(decision, kind)) {
                continue;
            }
            ObjectNode d = (ObjectNode) decision;
            ArrayNode plugins = d.has("plugins") && d.get("plugins").isArray() ? (ArrayNode) d.get("plugins") : d.putArray("plugins");
            plugins.add(plugin.deepCopy());
            trace.origin("routing.decisions[" + name + "].plugins[" + plugin.path("type").asText() + "]", crField);
            names.add(name);
        }
        return names;
    }

    private static boolean hasPlugin(JsonNode decision, Set<String> kind) {
        for (JsonNode plugin : decision.path("plugins")) {
            if (kind.contains(plugin.path("type").asText())) {
                return true;
            }
        }
        return false;
    }
}
