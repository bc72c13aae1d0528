package ai.vllm.semanticrouter.operator.functions;

import ai.vllm.semanticrouter.operator.functions.models.ModelProvisioning;
import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the functions computed for one CR: the environment the compositions read
 * ({@link #toJson()}), plus the discovery, storage and router-config details that status reports.
 */
public record Environment(Platform platform, GatewayMode gatewayMode, DiscoveryReport discovery,
                          StorageVerdict storage, RouterConfig router, ModelProvisioning models) {

    /** The environment document, exactly the shape fixed in docs/contracts.md. */
    public ObjectNode toJson() {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        env.put("platform", platform.environmentValue());
        env.put("gatewayMode", gatewayMode.value());
        ArrayNode endpoints = env.putArray("endpoints");
        discovery.resolved().forEach(endpoint -> endpoints.add(endpoint.toJson()));
        env.putObject("storage").put("pvcAllowed", storage.pvcAllowed());
        env.set("router", router.toJson());
        env.set("models", models.toJson());
        return env;
    }
}
