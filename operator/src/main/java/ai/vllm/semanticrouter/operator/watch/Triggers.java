package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.controller.RouterKey;
import ai.vllm.semanticrouter.operator.functions.BackendDiscovery;
import ai.vllm.semanticrouter.operator.functions.Dependency;
import ai.vllm.semanticrouter.operator.functions.EnvironmentFunctions;
import ai.vllm.semanticrouter.operator.functions.StorageCheck;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which CRs a watch event concerns: the CR itself (unless only its status changed), the owner of a
 * managed object (by instance label), and the CRs whose environment the object may change, by the
 * {@link Dependency} rules each environment function declares next to the code that reads it.
 */
public final class Triggers {
    public static final Kind CR = new Kind(Ownership.CR_API_VERSION, Ownership.CR_KIND);
    public static final Kind SERVICE = new Kind("v1", "Service");
    public static final Kind INFERENCE_SERVICE =
            new Kind(BackendDiscovery.INFERENCE_SERVICE_API, BackendDiscovery.INFERENCE_SERVICE_KIND);
    public static final Kind STORAGE_CLASS = new Kind(StorageCheck.STORAGE_CLASS_API, StorageCheck.STORAGE_CLASS_KIND);
    /** What the environment functions read, as they declare it. */
    private static final List<Dependency> DEPENDENCIES = EnvironmentFunctions.dependencies();

    private Triggers() {
    }

    /** Keys of the CRs to reconcile after this event; {@code crs} are the cached CRs. */
    public static Set<RouterKey> keys(Kind kind, ObjectNode before, ObjectNode after, Supplier<List<ObjectNode>> crs) {
        Set<RouterKey> keys = new LinkedHashSet<>();
        if (kind.equals(CR)) {
            if (before == null || after == null || specOrMetadataChanged(before, after)) {
                keys.add(RouterKey.of(after != null ? after : before));
            }
            return keys;
        }
        List<Dependency> read = dependencies(kind);
        List<ObjectNode> cached = read.isEmpty() ? List.of() : crs.get();
        for (ObjectNode object : new ObjectNode[] {before, after}) {
            if (object != null) {
                addOwner(object, keys);
                for (ObjectNode cr : cached) {
                    if (read.stream().anyMatch(d -> d.concerns().test(cr, object))) {
                        keys.add(RouterKey.of(cr));
                    }
                }
            }
        }
        return keys;
    }

    /** The kinds the environment functions read, to watch besides the CR and the managed objects. */
    public static List<Kind> dependencyKinds() {
        return DEPENDENCIES.stream().map(d -> new Kind(d.apiVersion(), d.kind())).distinct().toList();
    }

    private static List<Dependency> dependencies(Kind kind) {
        return DEPENDENCIES.stream().filter(d -> d.on(kind.apiVersion(), kind.kind())).toList();
    }

    static boolean specOrMetadataChanged(JsonNode before, JsonNode after) {
        return !strip(before).equals(strip(after));
    }

    private static void addOwner(JsonNode object, Set<RouterKey> keys) {
        JsonNode labels = object.path("metadata").path("labels");
        String instance = labels.path(Ownership.INSTANCE_LABEL).asText("");
        if (Ownership.MANAGED_BY_VALUE.equals(labels.path(Ownership.MANAGED_BY_LABEL).asText()) && !instance.isEmpty()) {
            String namespace = labels.path(Ownership.OWNER_NAMESPACE_LABEL).asText(object.path("metadata").path("namespace").asText());
            keys.add(new RouterKey(namespace, instance));
        }
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
}
