package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.BackendDiscovery;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The router-config function on CRs written for each rule: grouping, dialect names, refusals, secrets. */
class RouterConfigTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    static RouterConfig render(String spec) throws Exception {
        ObjectNode cr = (ObjectNode) YAML.readTree("metadata: {name: r, namespace: ai}\nspec:\n" + spec.indent(2));
        DiscoveryReport discovery = new BackendDiscovery(StaticClusterView.of(List.of())).discover(cr);
        return RouterConfig.of(cr, discovery, BackendTlsPlan.of(cr, Platform.KUBERNETES, discovery));
    }

    private static final String TWO_MODELS = """
            image: {tag: v0.4.0}
            vllmEndpoints:
              - {name: qwen-a, model: qwen3-8b, weight: 3, backend: {type: service, service: {name: vllm-qwen-a, port: 8000}},
                 loras: [{name: sql-expert, description: Text-to-SQL}]}
              - {name: qwen-b, model: qwen3-8b, weight: 1, backend: {type: service, service: {name: vllm-qwen-b, namespace: ai-backup, port: 8000}}}
              - {name: granite, model: granite-3.3-8b, backend: {type: service, service: {name: granite, port: 8080}}}
            """;

    @Test
    void oneProviderModelPerModelWithEveryEndpointAndItsWeight() throws Exception {
        RouterConfig router = render(TWO_MODELS);
        JsonNode models = router.document().path("providers").path("models");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).path("name").asText()).isEqualTo("granite-3.3-8b");
        JsonNode qwen = models.get(1);
        assertThat(qwen.path("backend_refs")).hasSize(2);
        assertThat(qwen.path("backend_refs").get(0).toString()).isEqualTo(
                "{\"name\":\"qwen-a\",\"endpoint\":\"vllm-qwen-a.ai.svc.cluster.local:8000\",\"protocol\":\"http\",\"weight\":3}");
        assertThat(qwen.path("backend_refs").get(1).path("endpoint").asText()).isEqualTo("vllm-qwen-b.ai-backup.svc.cluster.local:8000");
        assertThat(router.document().path("providers").path("defaults").path("model").asText()).isEqualTo("granite-3.3-8b");
        assertThat(router.document().path("routing").path("modelCards").get(1).path("loras").get(0).path("name").asText())
                .isEqualTo("sql-expert");
        JsonNode catchAll = router.document().path("routing").path("decisions").get(0);
        assertThat(catchAll.path("name").asText()).isEqualTo("default-route");
        assertThat(catchAll.path("modelRefs").get(0).path("model").asText()).isEqualTo("granite-3.3-8b");
        assertThat(router.refused()).isFalse();
    }

    @Test
    void envoyRoutesTheSelectedModelAndItsLorasToTheModelsCluster() throws Exception {
        EnvoyRoutes envoy = render(TWO_MODELS).envoy();
        assertThat(envoy.routes()).extracting(r -> r.path("match").path("headers").path(0).path("string_match").path("exact").asText(""))
                .containsExactly("granite-3.3-8b", "qwen3-8b", "sql-expert", "");
        assertThat(envoy.routes().get(2).path("route").path("cluster").asText()).isEqualTo("model_qwen3_2d8b_cluster");
        assertThat(envoy.routes().get(3).path("route").path("cluster").asText()).isEqualTo("model_granite_2d3_2e3_2d8b_cluster");
        JsonNode qwen = envoy.clusters().get(1);
        assertThat(qwen.path("type").asText()).isEqualTo("STRICT_DNS");
        assertThat(qwen.path("load_assignment").path("endpoints").get(0).path("lb_endpoints"))
                .extracting(e -> e.path("load_balancing_weight").asInt()).containsExactly(3, 1);
        assertThat(envoy.routes().get(1).path("route").path("auto_host_rewrite").asBoolean()).isTrue();
    }

    @Test
    void v03UsesTheRouterNativeNames() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.3.0}
                vllmEndpoints:
                  - {name: e, model: m, reasoningFamily: qwen3, backend: {type: service, service: {name: s, port: 80}}}
                config:
                  reasoning_families: {qwen3: {type: chat_template_kwargs, parameter: enable_thinking}}
                  default_reasoning_effort: medium
                  semantic_cache: {enabled: true, similarity_threshold: "0.8"}
                """);
        JsonNode defaults = router.document().path("providers").path("defaults");
        assertThat(defaults.path("default_model").asText()).isEqualTo("m");
        assertThat(defaults.path("default_reasoning_effort").asText()).isEqualTo("medium");
        assertThat(defaults.path("reasoning_families").path("qwen3").path("parameter").asText()).isEqualTo("enable_thinking");
        assertThat(router.document().path("providers").path("models").get(0).path("reasoning_family").asText()).isEqualTo("qwen3");
        JsonNode cache = router.document().path("global").path("stores").path("semantic_cache");
        assertThat(cache.path("similarity_threshold").isNumber()).isTrue();
        assertThat(router.document().path("routing").path("decisions").get(0).path("description").asText()).isNotEmpty();
    }

    @Test
    void v04WritesReasoningPerModel() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                vllmEndpoints:
                  - {name: e, model: m, reasoningFamily: qwen3, backend: {type: service, service: {name: s, port: 80}}}
                config:
                  reasoning_families: {qwen3: {type: chat_template_kwargs, parameter: enable_thinking}}
                  default_reasoning_effort: high
                """);
        JsonNode model = router.document().path("providers").path("models").get(0);
        assertThat(model.path("reasoning").path("type").asText()).isEqualTo("chat_template_kwargs");
        assertThat(model.has("reasoning_family")).isFalse();
        assertThat(router.document().path("providers").path("defaults").path("reasoning_effort").asText()).isEqualTo("high");
    }

    @Test
    void anUndefinedReasoningFamilyIsRefusedForV03AndTheBuiltInOneForV04() throws Exception {
        String endpoints = """
                vllmEndpoints:
                  - {name: e, model: m, reasoningFamily: deepseek, backend: {type: service, service: {name: s, port: 80}}}
                """;
        RouterConfig v03 = render("image: {tag: v0.3.0}\n" + endpoints);
        assertThat(v03.refused()).isTrue();
        assertThat(v03.findings().refusals().get(0)).contains("deepseek").contains("spec.config.reasoning_families");
        RouterConfig v04 = render("image: {tag: v0.4.0}\n" + endpoints);
        assertThat(v04.refused()).isFalse();
        assertThat(v04.document().path("providers").path("models").get(0).path("reasoning").toString())
                .isEqualTo("{\"family\":\"deepseek\"}");
        RouterConfig unknown = render("image: {tag: v0.4.0}\n" + endpoints.replace("deepseek", "my-own-family"));
        assertThat(unknown.findings().refusals()).singleElement().asString()
                .contains("spec.vllmEndpoints[model=m].reasoningFamily").contains("not a built-in family of v0.4 routers");
    }

    @Test
    void aDecisionForAnUnknownModelOrLoraIsRefused() throws Exception {
        RouterConfig router = render(TWO_MODELS + """
                config:
                  decisions:
                    - {name: ghost, priority: 10, rules: {operator: AND, conditions: []}, modelRefs: [{model: ghost}]}
                    - {name: lora, priority: 5, rules: {operator: AND, conditions: []}, modelRefs: [{model: qwen3-8b, lora_name: nope}]}
                """);
        assertThat(router.refused()).isTrue();
        assertThat(router.findings().refusals()).hasSize(2);
        assertThat(router.findings().refusals().get(0)).contains("'ghost'");
        assertThat(router.findings().refusals().get(1)).contains("LoRA 'nope'");
    }

    @Test
    void mixedSchemesInOneModelAreRefusedForV04() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                vllmEndpoints:
                  - {name: a, model: m, backend: {type: kserve, inferenceServiceName: isvc}}
                  - {name: b, model: m, backend: {type: service, service: {name: s, port: 80}}}
                """);
        // the InferenceService does not exist, so only the service endpoint is configured: nothing mixed
        assertThat(router.refused()).isFalse();
        assertThat(router.catalog().models().get(0).backends()).hasSize(1);
    }

    @Test
    void aPasswordFromASecretIsAnEnvVarReferenceNeverTheValue() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                config:
                  response_cache:
                    enabled: true
                    backend_type: redis
                    redis:
                      connection: {host: redis, port: 6379, password_secret_ref: {name: redis-auth, key: password}}
                      development: {verbose_errors: true, auto_create_index: true}
                """);
        JsonNode connection = router.document().path("global").path("stores").path("response_cache").path("redis").path("connection");
        assertThat(connection.path("password").asText()).isEqualTo("${SR_CACHE_REDIS_PASSWORD}");
        assertThat(connection.has("password_secret_ref")).isFalse();
        assertThat(router.secrets()).containsExactly(new SecretEnv("SR_CACHE_REDIS_PASSWORD", "redis-auth", "password", false));
        assertThat(router.document().toString()).doesNotContain("verbose_errors");
        assertThat(router.findings().ignored()).anyMatch(i -> i.contains("verbose_errors"));
    }

    @Test
    void v03CannotTakeASecretPasswordAndSaysSo() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.3.0}
                config:
                  response_cache:
                    backend_type: redis
                    redis: {connection: {host: redis, password_secret_ref: {name: redis-auth, key: password}}}
                """);
        assertThat(router.secrets()).isEmpty();
        assertThat(router.document().toString()).doesNotContain("password");
        assertThat(router.findings().warnings()).anyMatch(w -> w.contains("redis-auth"));
    }

    @Test
    void dollarsOfTheCrAreEscapedForRoutersThatExpandThem() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                config:
                  routing:
                    signals:
                      keywords: [{name: money, operator: OR, keywords: ["$USD", "costs $5", "a $ b"]}]
                """);
        assertThat(router.document().path("routing").path("signals").path("keywords").get(0).path("keywords").toString())
                .isEqualTo("[\"$$USD\",\"costs $$5\",\"a $ b\"]");
    }

    @Test
    void withNoBackendTheConfigStillLoadsAndSaysWhy() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                vllmEndpoints:
                  - {name: a, model: m, backend: {type: kserve, inferenceServiceName: missing}}
                """);
        assertThat(router.document().path("providers").path("models")).isEmpty();
        assertThat(router.document().has("routing")).isTrue();
        assertThat(router.findings().warnings()).anyMatch(w -> w.contains("no model to route to"));
        assertThat(router.envoy().routes()).hasSize(1);
        assertThat(router.envoy().routes().get(0).path("route").path("cluster").asText()).isEqualTo("semantic_router_cluster");
    }

    @Test
    void thePromptGuardIsReallyOnWhenEnabled() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                config:
                  prompt_guard: {enabled: true, model_id: models/mom-jailbreak-classifier, threshold: 0.7, on_error: block}
                """);
        JsonNode guard = router.document().path("global").path("model_catalog").path("modules").path("prompt_guard");
        assertThat(guard.path("jailbreak_mapping_path").asText()).isEqualTo("models/mom-jailbreak-classifier/jailbreak_type_mapping.json");
        assertThat(guard.path("threshold").asDouble()).isEqualTo(0.7);
        assertThat(guard.path("on_error").asText()).isEqualTo("block");
    }

    @Test
    void flatIsTheCrsConfigLessTheFieldsOnlyTheCanonicalFormatReads() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.2.0}
                config:
                  prompt_guard: {enabled: true, threshold: "0.7", block_message: no}
                  semantic_cache: {enabled: true, scope: user}
                  classifier: {pii_model: {model_id: models/pii, policy: route, route_model: m, block_message: no}}
                  overlay: {global: {router: {streamed_body: true}}}
                """);
        assertThat(router.choice().dialect()).isEqualTo(ConfigDialect.FLAT);
        assertThat(router.document().has("version")).as("no canonical document").isFalse();
        assertThat(router.document().toString()).isEqualTo("{\"prompt_guard\":{\"enabled\":true,\"threshold\":\"0.7\"},"
                + "\"semantic_cache\":{\"enabled\":true},\"classifier\":{\"pii_model\":{\"model_id\":\"models/pii\"}}}");
        assertThat(router.toJson().path("dialect").asText()).isEqualTo("flat");
        assertThat(router.toJson().path("config")).isEqualTo(router.document());
    }

    @Test
    void aRemoteEmbeddingEndpointIsWrittenForV04AndReportedForV03() throws Exception {
        String config = """
                config:
                  embedding_models:
                    mmbert_model_path: models/mom-embedding-ultra
                    endpoint: {base_url: "http://embed:8000/v1", model: e5, api_key_env: EMBED_KEY}
                """;
        JsonNode v04 = render("image: {tag: v0.4.0}\n" + config).document().path("global").path("model_catalog")
                .path("embeddings").path("semantic");
        assertThat(v04.path("endpoint").path("api_key_env").asText()).isEqualTo("EMBED_KEY");
        RouterConfig v03 = render("image: {tag: v0.3.0}\n" + config);
        assertThat(v03.document().path("global").path("model_catalog").path("embeddings").path("semantic").has("endpoint")).isFalse();
        assertThat(v03.findings().ignored()).anyMatch(i -> i.startsWith("spec.config.embedding_models.endpoint"));
    }
}
