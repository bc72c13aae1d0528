package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The router's management API (port 8080: classification, {@code /config/router}, model list) as
 * {@code spec.managementAPI} asks. Not exposed (the default): nothing is written, and v0.4 routers
 * keep it on 127.0.0.1 where only the pod's Envoy reaches it. Exposed: v0.4 routers get
 * {@code global.services.management_api} with remote exposure and bearer tokens read from env vars
 * that come from the Secret keys the CR names (the values never enter the ConfigMap); older
 * routers have no authentication on that API, which the status says.
 */
final class ManagementApi {
    static final String TOKEN_ENV_PREFIX = "VLLM_SR_MANAGEMENT_TOKEN_";
    private static final String FIELD = "spec.managementAPI";

    private ManagementApi() {
    }

    /** Adds the exposure to {@code document} (null for the flat dialect) when the CR asks for it. */
    static void apply(JsonNode managementApi, ConfigDialect dialect, ObjectNode document, List<SecretEnv> secrets,
                      Findings findings) {
        if (!managementApi.path("expose").asBoolean(false)) {
            return;
        }
        if (dialect != ConfigDialect.V0_4) {
            String routers = dialect == ConfigDialect.FLAT ? "v0.1/v0.2" : dialect.value();
            findings.warn(FIELD + ".expose: " + routers + " routers serve the management API (port 8080, including "
                    + "PUT /config/router) without any authentication; anyone who reaches the Service port api or the "
                    + "Route <cr>-api can change the router's config. Use a v0.4 router image for bearer tokens");
            return;
        }
        JsonNode tokens = managementApi.path("tokens");
        if (tokens.isEmpty()) {
            findings.refuse(FIELD + ".tokens: v0.4 routers open the management API to the network only with bearer "
                    + "tokens (remote_exposure needs auth.mode bearer and at least one token); name a Secret key");
            return;
        }
        ObjectNode api = ((ObjectNode) document.path("global")).withObjectProperty("services").putObject("management_api");
        api.put("bind_address", "0.0.0.0");
        api.put("remote_exposure", true);
        ObjectNode auth = api.putObject("auth");
        auth.put("mode", "bearer");
        ArrayNode refs = auth.putArray("tokens");
        for (int i = 0; i < tokens.size(); i++) {
            JsonNode token = tokens.get(i);
            JsonNode ref = token.path("secretKeyRef");
            SecretEnv env = new SecretEnv(TOKEN_ENV_PREFIX + i, ref.path("name").asText(), ref.path("key").asText(), false);
            secrets.add(env);
            refs.addObject().put("env", env.name()).put("role", token.path("role").asText("admin"));
        }
    }
}
