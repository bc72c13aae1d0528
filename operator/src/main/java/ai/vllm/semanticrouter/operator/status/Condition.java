package ai.vllm.semanticrouter.operator.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One {@code metav1.Condition} of the CR's status. */
public record Condition(String type, boolean status, String reason, String message, long observedGeneration,
                        String lastTransitionTime) {

    public static final String READY = "Ready";
    public static final String AVAILABLE = "Available";
    public static final String PROGRESSING = "Progressing";
    public static final String DEGRADED = "Degraded";
    public static final String BACKENDS_DISCOVERED = "BackendsDiscovered";
    public static final String STORAGE_READY = "StorageReady";
    public static final String ROUTER_CONFIG_VALID = "RouterConfigValid";
    /** Gateway mode only: whether the router is attached to the Gateway of spec.gateway.existingRef. */
    public static final String GATEWAY_ATTACHED = "GatewayAttached";
    /** Gateway mode, attached: the Gateway's Envoy verifies every https backend's certificate. */
    public static final String GATEWAY_BACKEND_TLS = "GatewayBackendTLS";
    /** Standalone mode: the Envoy sidecar verifies every https backend's certificate. */
    public static final String BACKEND_TLS_VERIFIED = "BackendTLSVerified";
    /** kstatus: only a user's action can help (GitOps tools report the CR as Failed). */
    public static final String STALLED = "Stalled";
    /** kstatus: work is in flight (GitOps tools wait). */
    public static final String RECONCILING = "Reconciling";

    public static Condition of(String type, boolean status, String reason, String message) {
        return new Condition(type, status, reason, message, 0, "");
    }

    /** Stamps generation and transition time; the time is kept from {@code previous} when status did not flip. */
    public Condition settle(JsonNode previous, long generation, String now) {
        String previousStatus = previous == null ? "" : previous.path("status").asText("");
        String previousTime = previous == null ? "" : previous.path("lastTransitionTime").asText("");
        boolean flipped = !statusText().equals(previousStatus) || previousTime.isEmpty();
        return new Condition(type, status, reason, message, generation, flipped ? now : previousTime);
    }

    public String statusText() {
        return status ? "True" : "False";
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", type);
        node.put("status", statusText());
        node.put("reason", reason);
        node.put("message", message);
        node.put("observedGeneration", observedGeneration);
        node.put("lastTransitionTime", lastTransitionTime);
        return node;
    }
}
