package ai.vllm.semanticrouter.operator.functions.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How the Gateway's Envoy calls the router over ext_proc: the router Service's {@code grpc} port and
 * {@code spec.gateway.extProc}. Without {@code failOpen} the call fails closed when the prompt guard
 * is on (a request the router could not check must not reach a model) and open otherwise, as the
 * sidecar does.
 */
public record ExtProcSettings(String service, String host, int port, boolean failOpen, int messageTimeoutSeconds) {
    /** The sidecar's message timeout: the router may classify a long prompt for a while. */
    static final int DEFAULT_TIMEOUT_SECONDS = 300;
    static final int GRPC_PORT = 50051;
    static final ExtProcSettings NONE = new ExtProcSettings("", "", GRPC_PORT, true, DEFAULT_TIMEOUT_SECONDS);

    public static ExtProcSettings of(JsonNode cr) {
        JsonNode spec = cr.path("spec");
        JsonNode extProc = spec.path("gateway").path("extProc");
        boolean guarded = spec.path("config").path("prompt_guard").path("enabled").asBoolean(false);
        boolean failOpen = extProc.path("failOpen").isBoolean() ? extProc.path("failOpen").asBoolean() : !guarded;
        int timeout = extProc.path("messageTimeoutSeconds").asInt(DEFAULT_TIMEOUT_SECONDS);
        String name = cr.path("metadata").path("name").asText();
        String host = name + "." + cr.path("metadata").path("namespace").asText() + ".svc.cluster.local";
        return new ExtProcSettings(name, host, spec.path("service").path("grpc").path("port").asInt(GRPC_PORT), failOpen,
                timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS);
    }

    /** {@code environment.gateway.extProc}; {@code istioCluster} is the name Istio gives the router's port. */
    ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("service", service);
        json.put("host", host);
        json.put("port", port);
        json.put("istioCluster", "outbound|" + port + "||" + host);
        json.put("failOpen", failOpen);
        json.put("messageTimeout", messageTimeoutSeconds + "s");
        return json;
    }
}
