package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code spec.vllmEndpoints[*]} entry of the CR; {@code inferencePool} is the InferencePool a
 * Gateway sends the model's traffic to instead of the Service ("" when none).
 */
public record EndpointSpec(String name, String model, String reasoningFamily, boolean useReasoning, int weight,
                           Backend backend, List<Lora> loras, Tls tls, String inferencePool) {

    public EndpointSpec {
        loras = List.copyOf(loras);
    }

    /** A LoRA adapter served by the endpoint: {@code spec.vllmEndpoints[*].loras[*]}. */
    public record Lora(String name, String description) {
    }

    /**
     * {@code spec.vllmEndpoints[*].tls}: {@code enabled} marks a service or llamastack backend as https
     * (KServe always is), {@code verify} (default true) and the {@code serverName} override (empty: the host).
     */
    public record Tls(boolean enabled, boolean verify, String serverName) {
        static Tls of(JsonNode tls) {
            return new Tls(tls.path("enabled").asBoolean(false), tls.path("verify").asBoolean(true),
                    tls.path("serverName").asText(""));
        }
    }

    /** Every entry of {@code spec.vllmEndpoints}, in order; a weight of 0 or none counts as 1. */
    public static List<EndpointSpec> of(JsonNode cr) {
        List<EndpointSpec> endpoints = new ArrayList<>();
        for (JsonNode entry : cr.path("spec").path("vllmEndpoints")) {
            int weight = entry.path("weight").asInt(0);
            List<Lora> loras = new ArrayList<>();
            for (JsonNode lora : entry.path("loras")) {
                if (!lora.path("name").asText("").isEmpty()) {
                    loras.add(new Lora(lora.path("name").asText(), lora.path("description").asText("")));
                }
            }
            endpoints.add(new EndpointSpec(entry.path("name").asText(""), entry.path("model").asText(""),
                    entry.path("reasoningFamily").asText(""), entry.path("useReasoning").asBoolean(false), weight <= 0 ? 1 : weight,
                    Backend.parse(entry.path("backend")), loras, Tls.of(entry.path("tls")),
                    entry.path("inferencePool").path("name").asText("")));
        }
        return endpoints;
    }
}
