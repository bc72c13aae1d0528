package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.EndpointSpec.Lora;

import java.util.List;

/**
 * One distinct {@code spec.vllmEndpoints[*].model}: every endpoint that serves it, in CR order, the
 * LoRAs they declare (merged by name, first wins), the first reasoning family named, and whether
 * any of them says the model thinks ({@code useReasoning}).
 */
public record ProviderModel(String name, List<BackendRef> backends, List<Lora> loras, String reasoningFamily,
                            boolean thinks) {

    public ProviderModel {
        backends = List.copyOf(backends);
        loras = List.copyOf(loras);
    }

    /** The Envoy cluster of this model, named as {@code vllm-sr config envoy} names it. */
    public String clusterName() {
        StringBuilder escaped = new StringBuilder("model_");
        for (byte b : name.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                escaped.append(c);
            } else {
                escaped.append('_').append(String.format("%02x", b & 0xff));
            }
        }
        return escaped.append("_cluster").toString();
    }

    public boolean tls() {
        return backends.stream().anyMatch(BackendRef::tls);
    }

    public boolean hasLora(String lora) {
        return loras.stream().anyMatch(l -> l.name().equals(lora));
    }
}
