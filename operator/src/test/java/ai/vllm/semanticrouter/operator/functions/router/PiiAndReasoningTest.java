package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The PII policy and the reasoning settings act, or say why not. */
class PiiAndReasoningTest {
    private static String cr(String tag, String pii) {
        return """
                image: {tag: %s}
                vllmEndpoints:
                  - {name: a, model: big, backend: {type: service, service: {name: a, port: 80}}}
                  - {name: b, model: private, backend: {type: service, service: {name: b, port: 80}}}
                config:
                  prompt_guard: {enabled: true}
                  response_cache: {enabled: true}
                  classifier:
                    pii_model: {model_id: models/pii, threshold: "0.75"%s}
                """.formatted(tag, pii);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0.3.0", "v0.4.0"})
    void piiIsBlockedByDefaultBelowTheJailbreakGuardAndAboveEverythingElse(String tag) throws Exception {
        RouterConfig router = RouterConfigTest.render(cr(tag, ""));
        JsonNode routing = router.document().path("routing");
        assertThat(routing.path("signals").path("pii").toString()).isEqualTo("[{\"name\":\"pii\",\"threshold\":0.75}]");
        JsonNode decisions = routing.path("decisions");
        assertThat(decisions.get(0).path("name").asText()).isEqualTo("block-jailbreak");
        assertThat(decisions.get(1).path("name").asText()).isEqualTo("block-pii");
        assertThat(decisions.get(1).path("plugins").get(0).path("configuration").path("message").asText())
                .isEqualTo(GuardPolicy.PII_MESSAGE);
        for (String strategy : new String[]{"priority", "confidence"}) {
            DecisionEngineModel engine = new DecisionEngineModel(strategy);
            assertThat(engine.select(decisions, Map.of("pii:pii", 0.8))).contains("block-pii");
            assertThat(engine.select(decisions, Map.of("pii:pii", 0.8, "jailbreak:prompt_guard", 0.9))).contains("block-jailbreak");
            assertThat(engine.select(decisions, Map.of())).contains("default-route");
        }
    }

    @Test
    void piiCanBeRoutedToANamedModelWhichIsNeverCached() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.4.0", ", policy: route, route_model: private"));
        JsonNode route = router.document().path("routing").path("decisions").get(1);
        assertThat(route.path("name").asText()).isEqualTo("route-pii");
        assertThat(route.path("modelRefs").get(0).path("model").asText()).isEqualTo("private");
        assertThat(route.has("plugins")).isFalse();
        assertThat(new DecisionEngineModel("confidence").select(router.document().path("routing").path("decisions"),
                Map.of("pii:pii", 0.8))).contains("route-pii");
    }

    @Test
    void routingToAModelNoEndpointServesIsRefusedNamingTheField() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.4.0", ", policy: route, route_model: nowhere"));
        assertThat(router.findings().refusals()).singleElement().asString()
                .startsWith("spec.config.classifier.pii_model.route_model: model 'nowhere'");
    }

    @Test
    void aPiiClassifierNoPolicyUsesIsReported() throws Exception {
        RouterConfig router = RouterConfigTest.render(cr("v0.4.0", ", policy: \"off\""));
        assertThat(router.document().path("routing").path("signals").has("pii")).isFalse();
        assertThat(router.findings().warnings()).anyMatch(w -> w.startsWith("spec.config.classifier.pii_model is set but its policy is off"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"v0.3.0", "v0.4.0"})
    void aModelThatThinksThinksWhereTheDecisionDoesNotSay(String tag) throws Exception {
        RouterConfig router = RouterConfigTest.render("""
                image: {tag: %s}
                vllmEndpoints:
                  - {name: a, model: big, reasoningFamily: qwen3, useReasoning: true, backend: {type: service, service: {name: a, port: 80}}}
                config:
                  reasoning_families: {qwen3: {type: chat_template_kwargs, parameter: enable_thinking}}
                  decisions:
                    - {name: quick, rules: {operator: OR, conditions: [{type: keyword, name: k}]}, modelRefs: [{model: big, use_reasoning: false}]}
                """.formatted(tag));
        JsonNode decisions = router.document().path("routing").path("decisions");
        assertThat(decisions.get(0).path("modelRefs").get(0).path("use_reasoning").asBoolean()).isFalse();
        assertThat(decisions.get(1).path("name").asText()).isEqualTo("default-route");
        assertThat(decisions.get(1).path("modelRefs").get(0).path("use_reasoning").asBoolean()).isTrue();
        assertThat(router.trace().features()).contains("reasoning - thinking on for default-route -> big (requests for the auto model)");
    }

    @Test
    void anAlwaysOnBuiltInFamilyThinksAndCannotBeSwitchedOff() throws Exception {
        String cr = """
                image: {tag: v0.4.0}
                vllmEndpoints:
                  - {name: a, model: oss, reasoningFamily: gpt-oss, backend: {type: service, service: {name: a, port: 80}}}
                config:
                  decisions:
                    - {name: quick, rules: {operator: OR, conditions: [{type: keyword, name: k}]}, modelRefs: [{model: oss, use_reasoning: false}]}
                """;
        RouterConfig router = RouterConfigTest.render(cr);
        assertThat(router.findings().refusals()).singleElement().asString()
                .contains("decision 'quick' sets use_reasoning false for model 'oss'");
        RouterConfig fixed = RouterConfigTest.render(cr.replace(", use_reasoning: false", ""));
        assertThat(fixed.refused()).isFalse();
        assertThat(fixed.document().path("routing").path("decisions").findValues("use_reasoning"))
                .allMatch(JsonNode::asBoolean);
    }

    @Test
    void useReasoningWithoutAFamilyIsReported() throws Exception {
        RouterConfig router = RouterConfigTest.render("""
                image: {tag: v0.4.0}
                vllmEndpoints:
                  - {name: a, model: big, useReasoning: true, backend: {type: service, service: {name: a, port: 80}}}
                """);
        assertThat(router.findings().warnings()).anyMatch(w -> w.contains("useReasoning is true but the model has no reasoningFamily"));
    }
}
