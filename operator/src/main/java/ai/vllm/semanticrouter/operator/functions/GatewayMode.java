package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

/** Standalone (Envoy sidecar) or integration with an existing Gateway API Gateway. */
public enum GatewayMode {
    STANDALONE("standalone"),
    GATEWAY_INTEGRATION("gateway-integration");

    private final String value;

    GatewayMode(String value) {
        this.value = value;
    }

    /** {@code gateway-integration} when {@code spec.gateway.existingRef} names a Gateway. */
    public static GatewayMode of(JsonNode cr) {
        JsonNode ref = cr.path("spec").path("gateway").path("existingRef");
        return ref.path("name").asText("").isEmpty() ? STANDALONE : GATEWAY_INTEGRATION;
    }

    /** The value of {@code environment.gatewayMode} and {@code status.gatewayMode}. */
    public String value() {
        return value;
    }
}
