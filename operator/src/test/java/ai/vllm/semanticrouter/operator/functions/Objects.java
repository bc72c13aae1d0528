package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/** Test objects written as YAML. */
public final class Objects {
    private static final ObjectMapper YAML = new YAMLMapper();

    private Objects() {
    }

    public static ObjectNode yaml(String text) {
        try {
            return (ObjectNode) YAML.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ObjectNode service(String namespace, String name, String labels, int port) {
        return yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: %s, namespace: %s, labels: {%s}}
                spec: {ports: [{name: http, port: %d}]}
                """.formatted(name, namespace, labels, port));
    }

    public static ObjectNode inferenceService(String namespace, String name) {
        return yaml("""
                apiVersion: serving.kserve.io/v1beta1
                kind: InferenceService
                metadata: {name: %s, namespace: %s}
                """.formatted(name, namespace));
    }
}
