package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prompt guard acts, read the way the router decides: the jailbreak rule carries the CR's
 * threshold, and whenever it fires the blocking decision is the one chosen, under every strategy and
 * tier setting and whatever else fires; when it does not fire, the choice is the one without guard.
 */
class PromptGuardTest {
    private static final List<String> OTHER_SIGNALS = List.of("keyword:urgent", "keyword:math", "domain:law");

    static Stream<Arguments> dialectsStrategiesTiers() {
        List<Arguments> all = new ArrayList<>();
        for (String tag : List.of("v0.3.0", "v0.4.0")) {
            for (String strategy : List.of("priority", "confidence")) {
                for (boolean tiers : List.of(false, true)) {
                    all.add(Arguments.of(tag, strategy, tiers));
                }
            }
        }
        return all.stream();
    }

    static String cr(String tag, boolean guard, boolean tiers) {
        String tier = tiers ? ", tier: 2" : "";
        return """
                image: {tag: %s}
                vllmEndpoints:
                  - {name: e, model: m, backend: {type: service, service: {name: s, port: 80}}}
                config:
                  prompt_guard: {enabled: %s, threshold: "0.65", block_message: "Not today."}
                  routing:
                    signals:
                      keywords: [{name: urgent, operator: OR, keywords: [now]}, {name: math, operator: OR, keywords: [sum]}]
                      domains: [{name: law, description: law}]
                    decisions:
                      - {name: urgent, description: u, priority: 5000%s, rules: {operator: OR, conditions: [{type: keyword, name: urgent}]}, modelRefs: [{model: m}]}
                      - {name: user-catch-all, description: c, priority: 3000%s, rules: {operator: AND, conditions: []}, modelRefs: [{model: m}]}
                      - {name: never, description: n, priority: 9000, rules: {operator: OR, conditions: []}, modelRefs: [{model: m}]}
                  decisions:
                    - {name: math-law, priority: 20, rules: {operator: AND, conditions: [{type: keyword, name: math}, {type: domain, name: law}]}, modelRefs: [{model: m}]}
                """.formatted(tag, guard, tier, tier);
    }

    @ParameterizedTest(name = "{0} {1} tiers={2}")
    @MethodSource("dialectsStrategiesTiers")
    void theBlockingDecisionWinsWheneverTheGuardFiresAndChangesNothingOtherwise(String tag, String strategy, boolean tiers)
            throws Exception {
        RouterConfig guarded = RouterConfigTest.render(cr(tag, true, tiers));
        RouterConfig plain = RouterConfigTest.render(cr(tag, false, tiers));
        assertThat(guarded.refused()).isFalse();
        JsonNode decisions = guarded.document().path("routing").path("decisions");
        DecisionEngineModel engine = new DecisionEngineModel(strategy);
        for (int subset = 0; subset < 1 << OTHER_SIGNALS.size(); subset++) {
            Map<String, Double> fired = new HashMap<>();
            for (int i = 0; i < OTHER_SIGNALS.size(); i++) {
                if ((subset & 1 << i) != 0) {
                    fired.put(OTHER_SIGNALS.get(i), 1.0);
                }
            }
            assertThat(engine.select(decisions, fired))
                    .isEqualTo(engine.select(plain.document().path("routing").path("decisions"), fired));
            fired.put("jailbreak:prompt_guard", 0.66);
            assertThat(engine.select(decisions, fired)).as("signals %s", fired).contains("block-jailbreak");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialectsStrategiesTiers")
    void theJailbreakRuleCarriesTheThresholdAndTheDecisionTheMessage(String tag, String strategy, boolean tiers)
            throws Exception {
        JsonNode routing = RouterConfigTest.render(cr(tag, true, tiers)).document().path("routing");
        assertThat(routing.path("signals").path("jailbreak").toString())
                .isEqualTo("[{\"name\":\"prompt_guard\",\"threshold\":0.65,\"include_history\":true}]");
        JsonNode block = routing.path("decisions").get(0);
        assertThat(block.path("name").asText()).isEqualTo("block-jailbreak");
        assertThat(block.path("plugins").toString())
                .isEqualTo("[{\"type\":\"fast_response\",\"configuration\":{\"message\":\"Not today.\"}}]");
        assertThat(block.path("priority").asInt()).isGreaterThan(5000);
        assertThat(block.path("tier").isMissingNode()).isTrue();
        assertThat(block.has("modelRefs")).isEqualTo(tag.equals("v0.3.0"));
        assertThat(block.path("priority").asInt()).isGreaterThan(9000);
        for (JsonNode decision : routing.path("decisions")) {
            if (decision.path("name").asText().matches("never|user-catch-all|default-route")) {
                assertThat(decision.path("rules").path("conditions")).as("empty rules are not nested").isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dialectsStrategiesTiers")
    void aGuardTurnedOffAddsNothing(String tag, String strategy, boolean tiers) throws Exception {
        RouterConfig router = RouterConfigTest.render(cr(tag, false, tiers));
        assertThat(router.document().path("routing").path("signals").has("jailbreak")).isFalse();
        router.document().path("routing").path("decisions")
                .forEach(d -> assertThat(d.path("name").asText()).isNotEqualTo("block-jailbreak"));
        assertThat(router.trace().features()).noneMatch(f -> f.startsWith("prompt guard"));
    }
}
