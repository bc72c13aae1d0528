package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.functions.BackendDiscovery;
import ai.vllm.semanticrouter.operator.functions.StorageCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which CRs a watch event concerns: the CR itself (unless only its status changed), the owner of a
 * managed object (by instance label), the CRs whose backends a Service or InferenceService may be,
 * and the CRs whose PVC names a StorageClass or relies on the default one.
 */
public final class Triggers {
    public static final Kind CR = new Kind(Ownership.CR_API_VERSION, Ownership.CR_KIND);
    public static final Kind SERVICE = new Kind("v1", "Service");
    public static final Kind INFERENCE_SERVICE =
            new Kind(BackendDiscovery.INFERENCE_SERVICE_API, BackendDiscovery.INFERENCE_SERVICE_KIND);
    public static final Kind STORAGE_CLASS = new Kind(StorageCheck.STORAGE_CLASS_API, StorageCheck.STORAGE_CLASS_KIND);

    private Triggers() {
    }

    /** Keys ("namespace/name") of the CRs to reconcile after this event; {@code crs} are the cached CRs. */
    public static Set<String> keys(Kind kind, ObjectNode before, ObjectNode after, Supplier<List<ObjectNode>> crs) {
        Set<String> keys = new LinkedHashSet<>();
        if (kind.equals(CR)) {
            if (before == null || after == null || specOrMetadataChanged(before, after)) {
                keys.add(key(after != null ? after : before));
            }
            return keys;
        }
        boolean backendOrStorage = kind.equals(SERVICE) || kind.equals(INFERENCE_SERVICE) || kind.equals(STORAGE_CLASS);
        List<ObjectNode> cached = backendOrStorage ? crs.get() : List.of();
        for (ObjectNode object : new ObjectNode[] {before, after}) {
            if (object != null) {
                addOwner(object, keys);
                addDependents(kind, object, cached, keys);
            }
        }
        return keys;
    }

    static boolean specOrMetadataChanged(JsonNode before, JsonNode after) {
        return !strip(before).equals(strip(after));
    }

    private static void addOwner(JsonNode object, Set<String> keys) {
        JsonNode labels = object.path("metadata").path("labels");
        String instance = labels.path(Ownership.INSTANCE_LABEL).asText("");
        if (Ownership.MANAGED_BY_VALUE.equals(labels.path(Ownership.MANAGED_BY_LABEL).asText()) && !instance.isEmpty()) {
            keys.add(object.path("metadata").path("namespace").asText() + "/" + instance);
        }
    }

    private static void addDependents(Kind kind, JsonNode object, List<ObjectNode> crs, Set<String> keys) {
        String namespace = object.path("metadata").path("namespace").asText("");
        String name = object.path("metadata").path("name").asText();
        for (ObjectNode cr : crs) {
            if (dependsOn(cr, kind, namespace, name)) {
                keys.add(key(cr));
            }
        }
    }

    static boolean dependsOn(JsonNode cr, Kind kind, String namespace, String name) {
        if (kind.equals(STORAGE_CLASS)) {
            return StorageCheck.concerns(cr, name);
        }
        boolean service = kind.equals(SERVICE);
        boolean inferenceService = kind.equals(INFERENCE_SERVICE);
        String crNamespace = null;
        for (JsonNode endpoint : cr.path("spec").path("vllmEndpoints")) {
            JsonNode backend = endpoint.path("backend");
            String type = backend.path("type").asText();
            if (inferenceService && type.equals("kserve") && name.equals(backend.path("inferenceServiceName").asText())
                    || service && type.equals("llamastack")) {
                crNamespace = crNamespace != null ? crNamespace : cr.path("metadata").path("namespace").asText();
                if (crNamespace.equals(namespace)) {
                    return true;
                }
            }
            JsonNode serviceRef = backend.path("service");
            if (service && type.equals("service") && name.equals(serviceRef.path("name").asText())) {
                String serviceNamespace = serviceRef.path("namespace").asText("");
                crNamespace = crNamespace != null ? crNamespace : cr.path("metadata").path("namespace").asText();
                if (namespace.equals(serviceNamespace.isEmpty() ? crNamespace : serviceNamespace)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static JsonNode strip(JsonNode cr) {
        ObjectNode copy = cr.deepCopy();
        copy.remove("status");
        JsonNode metadata = copy.path("metadata");
        if (metadata.isObject()) {
            ((ObjectNode) metadata).remove(List.of("resourceVersion", "managedFields"));
        }
        return copy;
    }

    private static String key(JsonNode object) {
        return object.path("metadata").path("namespace").asText() + "/" + object.path("metadata").path("name").asText();
    }
}
