package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.TreeMap;

/** How one {@code spec.vllmEndpoints[*].backend} is found: the closed set of discovery methods. */
public sealed interface Backend
        permits Backend.KServe, Backend.LlamaStack, Backend.ServiceRef, Backend.Unsupported {

    /** The value of {@code environment.endpoints[*].type}. */
    String type();

    /** A KServe InferenceService in the CR's namespace. */
    record KServe(String inferenceServiceName) implements Backend {
        public String type() {
            return "kserve";
        }
    }

    /** Services in the CR's namespace selected by equality labels. */
    record LlamaStack(Map<String, String> discoveryLabels) implements Backend {
        public String type() {
            return "llamastack";
        }
    }

    /** A named Service in any namespace (defaults to the CR's) with an explicit port. */
    record ServiceRef(String name, String namespace, int port) implements Backend {
        public String type() {
            return "service";
        }
    }

    /** A backend type this operator does not know. */
    record Unsupported(String type) implements Backend {
    }

    /** Reads a {@code backend} object of the CR. */
    static Backend parse(JsonNode backend) {
        String type = backend.path("type").asText("");
        return switch (type) {
            case "kserve" -> new KServe(backend.path("inferenceServiceName").asText(""));
            case "llamastack" -> new LlamaStack(labels(backend.path("discoveryLabels")));
            case "service" -> new ServiceRef(backend.path("service").path("name").asText(""),
                    backend.path("service").path("namespace").asText(""),
                    backend.path("service").path("port").asInt(0));
            default -> new Unsupported(type);
        };
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new TreeMap<>();
        node.properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }
}
