package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Cache and tools act: every decision that routes carries their plugin, in the dialect's words. */
class DecisionPluginsTest {
    private static String cr(String tag, String cache) {
        return """
                image: {tag: %s}
                vllmEndpoints:
                  - {name: e, model: m, backend: {type: service, service: {name: s, port: 80}}}
                config:
                  %s
                  tools: {enabled: true, top_k: 4}
                  prompt_guard: {enabled: true}
                  decisions:
                    - {name: mine, priority: 3, rules: {operator: OR, conditions: [{type: keyword, name: k}]}, modelRefs: [{model: m}]}
                    - {name: opted-out, priority: 2, rules: {operator: OR, conditions: [{type: keyword, name: k}]}, modelRefs: [{model: m}],
                       plugins: [{type: %s, configuration: {enabled: false}}]}
                  routing:
                    signals: {keywords: [{name: k, operator: OR, keywords: [x]}]}
                """.formatted(tag, cache, tag.equals("v0.3.0") ? "semantic-cache" : "response_cache");
    }

    private static List<JsonNode> plugins(RouterConfig router, String decision, String type) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode d : router.document().path("routing").path("decisions")) {
            if (d.path("name").asText().equals(decision)) {
                d.path("plugins").forEach(p -> {
                    if (p.path("type").asText().equals(type)) {
                        found.add(p);
                    }
                });
            }
        }
        return found;
    }

    @Test
    void v04CachesEveryRoutingDecisionGloballyUnlessItOptsOut() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.4.0",
                "response_cache: {enabled: true, similarity_threshold: \"0.9\", ttl_seconds: 60}"));
        for (String decision : List.of("mine", "default-route")) {
            assertThat(plugins(router, decision, "response_cache")).singleElement().hasToString("{\"type\":\"response_cache\","
                    + "\"configuration\":{\"enabled\":true,\"scope\":\"global\",\"mode\":\"semantic\","
                    + "\"semantic\":{\"similarity_threshold\":0.9},\"ttl_seconds\":60}}");
        }
        assertThat(plugins(router, "opted-out", "response_cache")).singleElement()
                .hasToString("{\"type\":\"response_cache\",\"configuration\":{\"enabled\":false}}");
        assertThat(plugins(router, "block-jailbreak", "response_cache")).isEmpty();
        assertThat(router.trace().features()).contains("cache - plugin response_cache (scope global) on decisions mine, default-route");
    }

    @Test
    void v04KeepsTheScopeTheCrChooses() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.4.0", "semantic_cache: {enabled: true, scope: user}"));
        assertThat(plugins(router, "mine", "response_cache").get(0).path("configuration").path("scope").asText()).isEqualTo("user");
    }

    @Test
    void v03UsesTheSemanticCachePluginWithoutScope() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.3.0",
                "semantic_cache: {enabled: true, similarity_threshold: \"0.8\", ttl_seconds: 120, scope: user}"));
        assertThat(plugins(router, "default-route", "semantic-cache")).singleElement().hasToString(
                "{\"type\":\"semantic-cache\",\"configuration\":{\"enabled\":true,\"similarity_threshold\":0.8,\"ttl_seconds\":120}}");
        assertThat(router.findings().ignored()).anyMatch(i -> i.startsWith("spec.config.semantic_cache.scope"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0.3.0", "v0.4.0"})
    void everyRoutingDecisionGetsTheToolsPluginAndACacheTurnedOffAddsNone(String tag) throws Exception {
        RouterConfig router = RouterConfigTest.render(cr(tag, "response_cache: {enabled: false}"));
        for (String decision : List.of("mine", "opted-out", "default-route")) {
            assertThat(plugins(router, decision, "tools")).singleElement().hasToString(
                    "{\"type\":\"tools\",\"configuration\":{\"enabled\":true,\"mode\":\"passthrough\",\"semantic_selection\":true}}");
            assertThat(plugins(router, decision, "response_cache")).hasSizeLessThanOrEqualTo(decision.equals("opted-out") ? 1 : 0);
            assertThat(plugins(router, decision, "semantic-cache")).hasSizeLessThanOrEqualTo(decision.equals("opted-out") ? 1 : 0);
        }
        assertThat(router.document().path("global").path("integrations").path("tools").path("top_k").asInt()).isEqualTo(4);
        assertThat(router.trace().features()).anyMatch(f -> f.startsWith("tools - plugin tools (top_k 4)"));
        assertThat(router.trace().features()).noneMatch(f -> f.startsWith("cache"));
    }

    @Test
    void theFlatFormatKeepsItsGlobalTogglesAndReportsThem() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.2.0", "semantic_cache: {enabled: true}")
                + "  overlay: {global: {router: {streamed_body: {enabled: true}}}}\n");
        assertThat(router.document().toString()).as("no operator decision: the global toggles act").doesNotContain("block-jailbreak");
        assertThat(router.document().has("overlay")).as("canonical fragments are not written into the flat file").isFalse();
        assertThat(router.document().path("semantic_cache").path("enabled").asBoolean()).isTrue();
        assertThat(router.trace().features()).containsExactly(
                "prompt guard - global prompt_guard (flat format: the router checks every request)",
                "cache - global semantic_cache (flat format: every request)",
                "tools - global tools (flat format: requests that send tool_choice auto)");
        assertThat(router.findings().ignored()).anyMatch(i -> i.startsWith("spec.config.overlay"));
    }
}
