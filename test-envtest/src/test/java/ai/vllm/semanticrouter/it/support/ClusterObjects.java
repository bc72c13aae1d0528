package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects that exist beside a SemanticRouter for `render --cluster`: a Service (and
 * InferenceService) for every backend the CR names, two StorageClasses (one default) and the
 * Gateway of spec.gateway.existingRef, so that discovery and the storage check succeed offline.
 */
public final class ClusterObjects {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ClusterObjects() {
    }

    public static List<ObjectNode> forRouter(JsonNode cr) {
        String namespace = cr.path("metadata").path("namespace").asText("default");
        List<ObjectNode> objects = new ArrayList<>();
        objects.add(storageClass("standard", true));
        objects.add(storageClass("gp3-csi", false));
        JsonNode gateway = cr.path("spec").path("gateway").path("existingRef");
        if (gateway.isObject()) {
            objects.add(gateway(gateway.path("name").asText(), gateway.path("namespace").asText(namespace)));
        }
        JsonNode endpoints = cr.path("spec").path("vllmEndpoints");
        for (int i = 0; i < endpoints.size(); i++) {
            JsonNode backend = endpoints.get(i).path("backend");
            switch (backend.path("type").asText()) {
                case "kserve" -> {
                    String isvc = backend.path("inferenceServiceName").asText();
                    objects.add(inferenceService(isvc, namespace));
                    ObjectNode labels = NODES.objectNode().put("serving.kserve.io/inferenceservice", isvc);
                    objects.add(service(isvc + "-predictor", namespace, labels, 8443));
                }
                case "llamastack" -> {
                    JsonNode discovery = backend.path("discoveryLabels");
                    ObjectNode labels = discovery.isObject() ? discovery.deepCopy() : NODES.objectNode();
                    objects.add(service("llamastack-" + i, namespace, labels, 8321));
                }
                case "service" -> {
                    JsonNode service = backend.path("service");
                    String name = service.path("name").asText();
                    objects.add(service(name, service.path("namespace").asText(namespace),
                            NODES.objectNode().put("app", name), service.path("port").asInt(8000)));
                }
                default -> { }
            }
        }
        return objects;
    }

    private static ObjectNode storageClass(String name, boolean isDefault) {
        ObjectNode object = object("storage.k8s.io/v1", "StorageClass", name, null);
        if (isDefault) {
            object.withObjectProperty("metadata").putObject("annotations").put("storageclass.kubernetes.io/is-default-class", "true");
        }
        return object.put("provisioner", "kubernetes.io/no-provisioner");
    }

    private static ObjectNode gateway(String name, String namespace) {
        ObjectNode object = object("gateway.networking.k8s.io/v1", "Gateway", name, namespace);
        ObjectNode spec = object.putObject("spec").put("gatewayClassName", "any");
        spec.putArray("listeners").addObject().put("name", "http").put("port", 80).put("protocol", "HTTP");
        return object;
    }

    private static ObjectNode inferenceService(String name, String namespace) {
        ObjectNode object = object("serving.kserve.io/v1beta1", "InferenceService", name, namespace);
        object.putObject("status").putArray("conditions").addObject().put("type", "Ready").put("status", "True");
        return object;
    }

    private static ObjectNode service(String name, String namespace, ObjectNode labels, int port) {
        ObjectNode object = object("v1", "Service", name, namespace);
        object.withObjectProperty("metadata").set("labels", labels);
        ObjectNode spec = object.putObject("spec");
        spec.set("selector", labels.isEmpty() ? NODES.objectNode().put("app", name) : labels.deepCopy());
        spec.putArray("ports").addObject().put("name", "http").put("port", port).put("targetPort", port);
        return object;
    }

    private static ObjectNode object(String apiVersion, String kind, String name, String namespace) {
        ObjectNode object = NODES.objectNode().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        return object;
    }
}
