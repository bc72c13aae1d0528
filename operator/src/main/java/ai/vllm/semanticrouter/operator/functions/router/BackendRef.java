package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.tls.UpstreamTls;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One endpoint of a provider model: {@code providers.models[*].backend_refs[*]}. {@code https} for
 * KServe predictors (TLS on 8443) and endpoints with {@code tls.enabled}, {@code http} otherwise;
 * {@code upstreamTls} is how the Envoy sidecar speaks TLS to it (null for http).
 */
public record BackendRef(String name, String host, int port, UpstreamTls upstreamTls, int weight) {

    public boolean tls() {
        return upstreamTls != null;
    }

    public String endpoint() {
        return host + ":" + port;
    }

    public String protocol() {
        return tls() ? "https" : "http";
    }

    /** The canonical config's entry (no {@code provider}: the routers would look up a provider profile). */
    public ObjectNode toConfig() {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("name", name);
        ref.put("endpoint", endpoint());
        ref.put("protocol", protocol());
        ref.put("weight", Math.max(1, weight));
        return ref;
    }
}
