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

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which CRs a watch event concerns: the CR itself (unless only its status changed), the owner of a
 * managed object (by instance label; not for the echo of the owner's own apply, {@link OwnWrites}),
 * and the CRs whose environment the object may change, by the
 * {@link Dependency} rules each environment function declares next to the code that reads it,
 * looked up in an index of what each CR reads that the CR events keep.
 */
public final class Triggers {
    public static final Kind CR = new Kind(Ownership.CR_API_VERSION, Ownership.CR_KIND);
    public static final Kind SERVICE = new Kind("v1", "Service");
    public static final Kind INFERENCE_SERVICE =
            new Kind(BackendDiscovery.INFERENCE_SERVICE_API, BackendDiscovery.INFERENCE_SERVICE_KIND);
    public static final Kind STORAGE_CLASS = new Kind(StorageCheck.STORAGE_CLASS_API, StorageCheck.STORAGE_CLASS_KIND);
    /** What the environment functions read, as they declare it. */
    private static final List<Dependency> DEPENDENCIES = EnvironmentFunctions.dependencies();

    private static final Set<String> IGNORED_TOP_LEVEL = Set.of("status");
    private static final Set<String> IGNORED_METADATA = Set.of("resourceVersion", "managedFields");

    private final ReadersIndex readers = new ReadersIndex(DEPENDENCIES);
    private final OwnWrites ownWrites;

    public Triggers(OwnWrites ownWrites) {
        this.ownWrites = ownWrites;
    }

    /**
     * Keys of the CRs to reconcile after this event. Every event of a CR, the informer's initial
     * list included, must pass here first: it keeps the index of what the CR reads.
     */
    public Set<RouterKey> keys(Kind kind, ObjectNode before, ObjectNode after) {
        Set<RouterKey> keys = new LinkedHashSet<>();
        if (kind.equals(CR)) {
            if (after == null) {
                readers.remove(RouterKey.of(before));
            } else {
                readers.put(after);
            }
            if (before == null || after == null || specOrMetadataChanged(before, after)) {
                keys.add(RouterKey.of(after != null ? after : before));
            }
            return keys;
        }
        boolean echo = after != null && ownWrites.echo(kind, after);
        for (ObjectNode object : new ObjectNode[] {before, after}) {
            if (object != null) {
                if (!echo) {
                    addOwner(object, keys);
                }
                keys.addAll(readers.readers(kind, object));
            }
        }
        return keys;
    }

    /** The kinds the environment functions read, to watch besides the CR and the managed objects. */
    public static List<Kind> dependencyKinds() {
        return DEPENDENCIES.stream().map(d -> new Kind(d.apiVersion(), d.kind())).distinct().toList();
    }

    /** Whether more than status, resourceVersion and managedFields differ; compared in place, without copies. */
    static boolean specOrMetadataChanged(JsonNode before, JsonNode after) {
        return !equalExcept(before, after, IGNORED_TOP_LEVEL);
    }

    private static boolean equalExcept(JsonNode a, JsonNode b, Set<String> ignored) {
        if (!a.isObject() || !b.isObject()) {
            return a.equals(b);
        }
        int compared = 0;
        for (Map.Entry<String, JsonNode> field : a.properties()) {
            if (ignored.contains(field.getKey())) {
                continue;
            }
            compared++;
            JsonNode other = b.get(field.getKey());
            boolean same = other != null && (ignored == IGNORED_TOP_LEVEL && "metadata".equals(field.getKey())
                    ? equalExcept(field.getValue(), other, IGNORED_METADATA) : field.getValue().equals(other));
            if (!same) {
                return false;
            }
        }
        int present = 0;
        for (Iterator<String> names = b.fieldNames(); names.hasNext(); ) {
            present += ignored.contains(names.next()) ? 0 : 1;
        }
        return compared == present;
    }

    private static void addOwner(JsonNode object, Set<RouterKey> keys) {
        owner(object).ifPresent(keys::add);
    }

    /** The CR that manages the object, by its instance label, if the operator manages it. */
    public static Optional<RouterKey> owner(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        String instance = labels.path(Ownership.INSTANCE_LABEL).asText("");
        if (!Ownership.MANAGED_BY_VALUE.equals(labels.path(Ownership.MANAGED_BY_LABEL).asText()) || instance.isEmpty()) {
            return Optional.empty();
        }
        String namespace = labels.path(Ownership.OWNER_NAMESPACE_LABEL).asText(object.path("metadata").path("namespace").asText());
        return Optional.of(new RouterKey(namespace, instance));
    }
}
