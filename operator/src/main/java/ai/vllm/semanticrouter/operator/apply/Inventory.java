package ai.vllm.semanticrouter.operator.apply;

import ai.vllm.semanticrouter.operator.functions.ClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The objects one CR manages: every cached object of a produced kind in the CR's namespace with our
 * managed-by and instance labels and a resource annotation naming its template.
 */
public final class Inventory {
    private final List<ObjectNode> objects;

    private Inventory(List<ObjectNode> objects) {
        this.objects = List.copyOf(objects);
    }

    public static Inventory of(ClusterView view, Collection<Kind> kinds, JsonNode cr) {
        return of(view, kinds, List.of(), cr);
    }

    /**
     * The CR's objects of {@code kinds} in its namespace, and of {@code foreignKinds} (kinds a
     * composition may put in another namespace) in every namespace, by {@link Ownership#OWNER_NAMESPACE_LABEL}.
     */
    public static Inventory of(ClusterView view, Collection<Kind> kinds, Collection<Kind> foreignKinds, JsonNode cr) {
        String namespace = cr.path("metadata").path("namespace").asText();
        String instance = cr.path("metadata").path("name").asText();
        List<ObjectNode> found = new ArrayList<>();
        for (Kind kind : kinds) {
            if (view.servesKind(kind.apiVersion(), kind.kind())) {
                found.addAll(view.listLabelled(kind.apiVersion(), kind.kind(), namespace, Ownership.INSTANCE_LABEL, instance,
                        object -> belongsTo(object, instance)));
            }
        }
        found.addAll(foreign(view, foreignKinds, namespace, instance));
        return new Inventory(found);
    }

    /** The objects in other namespaces than {@code namespace} that CR {@code namespace/instance} manages. */
    public static List<ObjectNode> foreign(ClusterView view, Collection<Kind> foreignKinds, String namespace, String instance) {
        List<ObjectNode> found = new ArrayList<>();
        for (Kind kind : foreignKinds) {
            if (view.servesKind(kind.apiVersion(), kind.kind())) {
                found.addAll(view.list(kind.apiVersion(), kind.kind(), null, object -> belongsTo(object, instance)
                        && namespace.equals(object.path("metadata").path("labels").path(Ownership.OWNER_NAMESPACE_LABEL).asText())));
            }
        }
        return found;
    }

    public List<ObjectNode> objects() {
        return objects;
    }

    /** The observed object of each template, for readiness checks and ToCompositeFieldPath patches. */
    public Map<String, JsonNode> byResourceName() {
        Map<String, JsonNode> observed = new LinkedHashMap<>();
        for (ObjectNode object : objects) {
            observed.putIfAbsent(resourceName(object), object);
        }
        return observed;
    }

    /** The cached object with this key, or null. */
    public ObjectNode live(ObjectKey key) {
        return objects.stream().filter(o -> ObjectKey.of(o).equals(key)).findFirst().orElse(null);
    }

    /**
     * What to delete: objects that no longer render (template gone, condition false, or renamed),
     * except those of templates that failed to render this time and retained PVCs.
     */
    public List<ObjectNode> pruneCandidates(Set<ObjectKey> rendered, Set<String> failedTemplates, JsonNode cr) {
        List<ObjectNode> prune = new ArrayList<>();
        for (ObjectNode object : objects) {
            boolean stale = !rendered.contains(ObjectKey.of(object))
                    && !failedTemplates.contains(resourceName(object))
                    && !object.path("metadata").has("deletionTimestamp");
            if (stale && ObjectPreparation.ownedByCr(object, cr)) {
                prune.add(object);
            }
        }
        return prune;
    }

    public static String resourceName(JsonNode object) {
        return object.path("metadata").path("annotations").path(Ownership.RESOURCE_ANNOTATION).asText("");
    }

    private static boolean belongsTo(JsonNode object, String instance) {
        JsonNode labels = object.path("metadata").path("labels");
        return Ownership.MANAGED_BY_VALUE.equals(labels.path(Ownership.MANAGED_BY_LABEL).asText())
                && instance.equals(labels.path(Ownership.INSTANCE_LABEL).asText())
                && !resourceName(object).isEmpty();
    }
}
