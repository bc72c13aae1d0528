package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code global}: a sparse overlay on the router's built-in defaults. It carries what the CR sets,
 * plus the operator-owned safety values (header routing needs {@code clear_route_cache: true};
 * tracing, the response API and router replay are off unless configured, since their defaults
 * point at services that do not exist in the cluster).
 */
final class GlobalSection {
    private final ConfigDialect dialect;
    private final Findings findings;
    private final CacheStore cache;

    GlobalSection(ConfigDialect dialect, List<SecretEnv> secrets, Findings findings) {
        this.dialect = dialect;
        this.findings = findings;
        this.cache = new CacheStore(dialect, secrets, findings);
    }

    ObjectNode write(JsonNode config) {
        ObjectNode global = JsonNodeFactory.instance.objectNode();
        ObjectNode router = global.putObject("router");
        router.put("clear_route_cache", true);
        Copy.field(config, "strategy", router);
        services(config, global.putObject("services"));
        cache.write(config, global.putObject("stores"));
        tools(config.path("tools"), global.putObject("integrations"));
        ObjectNode catalog = global.putObject("model_catalog");
        embeddings(config, catalog.putObject("embeddings").putObject("semantic"));
        ObjectNode modules = catalog.putObject("modules");
        new GuardModules(dialect, findings).write(config, modules);
        Copy.pruneEmpty(global);
        return global;
    }

    private void services(JsonNode config, ObjectNode services) {
        JsonNode batch = config.path("api").path("batch_classification");
        if (batch.isObject()) {
            ObjectNode out = services.putObject("api").putObject("batch_classification");
            Copy.fields(batch, out, "max_batch_size", "concurrency_threshold", "max_concurrency");
            JsonNode metrics = batch.path("metrics");
            if (metrics.isObject()) {
                ObjectNode m = out.putObject("metrics");
                Copy.fields(metrics, m, "enabled", "detailed_goroutine_tracking", "high_resolution_timing");
                Copy.number(metrics, "sample_rate", m);
                Copy.numbers(metrics, "duration_buckets", m);
                Copy.numbers(metrics, "size_buckets", m);
            }
        }
        services.putObject("observability").set("tracing", tracing(config.path("observability").path("tracing")));
        services.putObject("response_api").put("enabled", false);
        services.putObject("router_replay").put("enabled", false);
    }

    private static ObjectNode tracing(JsonNode tracing) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("enabled", tracing.path("enabled").asBoolean(false));
        Copy.field(tracing, "provider", out);
        Copy.field(tracing, "exporter", out);
        JsonNode sampling = tracing.path("sampling");
        if (sampling.isObject()) {
            ObjectNode s = out.putObject("sampling");
            Copy.field(sampling, "type", s);
            Copy.number(sampling, "rate", s);
        }
        JsonNode resource = tracing.path("resource");
        if (resource.isObject()) {
            Copy.fields(resource, out.putObject("resource"), "service_name", "service_version", "deployment_environment");
        }
        return out;
    }

    private static void tools(JsonNode tools, ObjectNode integrations) {
        if (!tools.isObject()) {
            return;
        }
        ObjectNode out = integrations.putObject("tools");
        Copy.fields(tools, out, "enabled", "top_k");
        Copy.number(tools, "similarity_threshold", out);
        Copy.fields(tools, out, "tools_db_path", "fallback_to_empty");
    }

    private void embeddings(JsonNode config, ObjectNode semantic) {
        JsonNode bert = config.path("bert_model");
        if (bert.isObject()) {
            Copy.field(bert, "model_id", semantic, "bert_model_path");
            Copy.field(bert, "use_cpu", semantic);
            if (Copy.present(bert.get("threshold"))) {
                findings.ignore("spec.config.bert_model.threshold", "the v0.3 config has no equivalent");
            }
        }
        JsonNode models = config.path("embedding_models");
        if (models.isObject()) {
            Copy.fields(models, semantic, "qwen3_model_path", "gemma_model_path", "mmbert_model_path", "use_cpu");
            JsonNode embedding = models.path("embedding_config");
            if (embedding.isObject()) {
                ObjectNode out = semantic.putObject("embedding_config");
                Copy.fields(embedding, out, "backend", "model_type", "preload_embeddings", "target_dimension",
                        "target_layer", "enable_soft_matching");
                Copy.number(embedding, "min_score_threshold", out);
            }
            JsonNode endpoint = models.path("endpoint");
            if (endpoint.isObject() && dialect == ConfigDialect.V0_3) {
                findings.ignore("spec.config.embedding_models.endpoint", "v0.3 routers have no remote embedding endpoint");
            } else if (endpoint.isObject()) {
                Copy.fields(endpoint, semantic.putObject("endpoint"), "base_url", "model", "api_key_env",
                        "timeout_seconds", "max_retries", "dimensions");
            }
        }
    }
}
