package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The response cache ({@code spec.config.response_cache}, or its deprecated alias
 * {@code semantic_cache}) as {@code global.stores.<key>}: {@code semantic_cache} for v0.3 routers,
 * {@code response_cache} for newer ones. Passwords from Secrets become env vars referenced as
 * {@code ${NAME}}, which only routers from v0.4 expand.
 */
final class CacheStore {
    private static final Set<String> REFUSED_BY_V4 = Set.of("verbose_errors", "enable_query_log", "enable_metrics");

    private final ConfigDialect dialect;
    private final List<SecretEnv> secrets;
    private final Findings findings;

    CacheStore(ConfigDialect dialect, List<SecretEnv> secrets, Findings findings) {
        this.dialect = dialect;
        this.secrets = secrets;
        this.findings = findings;
    }

    void write(JsonNode config, ObjectNode stores) {
        boolean alias = !Copy.present(config.get("response_cache")) && Copy.present(config.get("semantic_cache"));
        String field = alias ? "semantic_cache" : "response_cache";
        JsonNode cache = config.path(field);
        if (!cache.isObject()) {
            return;
        }
        String crPath = "spec.config." + field;
        ObjectNode store = stores.putObject(dialect == ConfigDialect.V0_3 ? "semantic_cache" : "response_cache");
        Copy.fields(cache, store, "enabled", "backend_type");
        Copy.number(cache, "similarity_threshold", store);
        Copy.fields(cache, store, "max_entries", "ttl_seconds", "eviction_policy", "embedding_model");
        if (dialect == ConfigDialect.V0_3 && Copy.present(cache.get("scope"))) {
            findings.ignore(crPath + ".scope", "v0.3 routers have no cache scope and share cached answers globally");
        }
        if (Copy.present(cache.get("hnsw"))) {
            findings.ignore(crPath + ".hnsw", "no router version has a setting for it");
        }
        for (String kv : List.of("redis", "valkey")) {
            if (cache.path(kv).isObject()) {
                store.set(kv, keyValueStore(cache.path(kv), crPath + "." + kv, kv));
            }
        }
        if (cache.path("milvus").isObject()) {
            store.set("milvus", milvus(cache.path("milvus"), crPath + ".milvus"));
        }
        if (cache.path("qdrant").isObject()) {
            store.set("qdrant", Copy.without(cache.path("qdrant"), Set.of()));
        }
    }

    private ObjectNode keyValueStore(JsonNode source, String crPath, String backend) {
        ObjectNode target = source.isObject() ? ((ObjectNode) source).objectNode() : null;
        JsonNode connection = source.path("connection");
        if (connection.isObject()) {
            ObjectNode out = target.putObject("connection");
            Copy.fields(connection, out, "host", "port", "database", "password", "timeout", "tls");
            password(connection.path("password_secret_ref"), out, "password", crPath + ".connection.password_secret_ref",
                    "SR_CACHE_" + backend.toUpperCase(Locale.ROOT) + "_PASSWORD");
        }
        Copy.fields(source, target, "index", "search");
        development(source, target, crPath, "drop_index_on_startup", "auto_create_index");
        logging(source, target, crPath);
        return target;
    }

    private ObjectNode milvus(JsonNode source, String crPath) {
        ObjectNode target = ((ObjectNode) source).objectNode();
        JsonNode connection = source.path("connection");
        if (connection.isObject()) {
            ObjectNode out = target.putObject("connection");
            Copy.fields(connection, out, "host", "port", "database", "timeout", "tls");
            JsonNode auth = connection.path("auth");
            if (auth.isObject()) {
                ObjectNode authOut = out.putObject("auth");
                Copy.fields(auth, authOut, "enabled", "username", "password");
                password(auth.path("password_secret_ref"), authOut, "password",
                        crPath + ".connection.auth.password_secret_ref", "SR_CACHE_MILVUS_PASSWORD");
            }
        }
        Copy.fields(source, target, "collection", "search");
        development(source, target, crPath, "drop_collection_on_startup", "auto_create_collection");
        logging(source, target, crPath);
        for (String section : List.of("performance", "data_management")) {
            if (Copy.present(source.get(section))) {
                findings.ignore(crPath + "." + section, "the v0.3 config has no such block; vllm-sr refuses it");
            }
        }
        return target;
    }

    private void password(JsonNode ref, ObjectNode out, String key, String crPath, String envName) {
        String secret = ref.path("name").asText("");
        if (secret.isEmpty()) {
            return;
        }
        if (dialect == ConfigDialect.V0_3) {
            findings.warn(crPath + ": v0.3 routers do not expand ${VAR} in config.yaml, so the password from Secret "
                    + secret + " is not configured (a Secret value is never written into a ConfigMap); "
                    + "use a v0.4 router image");
            return;
        }
        SecretEnv env = new SecretEnv(envName, secret, ref.path("key").asText("password"),
                ref.path("optional").asBoolean(false));
        secrets.add(env);
        out.put(key, env.reference());
    }

    private void development(JsonNode source, ObjectNode target, String crPath, String... keys) {
        JsonNode development = source.path("development");
        if (development.isObject()) {
            ObjectNode out = target.putObject("development");
            Copy.fields(development, out, keys);
            refused(development, crPath + ".development");
        }
    }

    private void logging(JsonNode source, ObjectNode target, String crPath) {
        JsonNode logging = source.path("logging");
        if (logging.isObject()) {
            Copy.fields(logging, target.putObject("logging"), "level");
            refused(logging, crPath + ".logging");
        }
    }

    private void refused(JsonNode block, String crPath) {
        block.fieldNames().forEachRemaining(name -> {
            if (REFUSED_BY_V4.contains(name)) {
                findings.ignore(crPath + "." + name, "not in the v0.3 config schema");
            }
        });
    }
}
