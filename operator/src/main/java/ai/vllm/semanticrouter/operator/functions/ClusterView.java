package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the functions may read of a cluster: API discovery and objects. The live operator reads its
 * informer caches, {@code render} reads a file; both compute the environment with the same code.
 * Returned objects are copies the caller may keep; lists are sorted by namespace, then name.
 */
public interface ClusterView {
    /** Whether the API server serves this API group ("" is the core group). */
    boolean servesGroup(String group);

    /** Whether the API server serves this kind at this apiVersion. */
    boolean servesKind(String apiVersion, String kind);

    /** One object; {@code namespace} is null for cluster-scoped kinds. */
    Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String name);

    /** Objects of a kind in a namespace, or in every namespace when {@code namespace} is null. */
    List<ObjectNode> list(String apiVersion, String kind, String namespace);

    /**
     * The objects of {@link #list} that {@code filter} accepts; the filter may see the view's own
     * objects before they are copied, so it only reads them.
     */
    default List<ObjectNode> list(String apiVersion, String kind, String namespace, Predicate<JsonNode> filter) {
        return list(apiVersion, kind, namespace).stream().filter(filter).toList();
    }

    /**
     * The objects of {@link #list} in {@code namespace} that carry {@code label=value} and that
     * {@code filter} accepts: a view may answer from an index of that label instead of reading the
     * whole namespace (a router's inventory among the hundreds of objects of its neighbours).
     */
    default List<ObjectNode> listLabelled(String apiVersion, String kind, String namespace, String label, String value,
                                          Predicate<JsonNode> filter) {
        return list(apiVersion, kind, namespace, object -> value.equals(object.path("metadata").path("labels").path(label).asText(null))
                && filter.test(object));
    }

    /**
     * Whether {@link #get} and {@link #list} show every object of this kind in this namespace, so that
     * an absent object really does not exist. False for a namespace the operator does not watch
     * ({@code --namespace}), and for a kind it does not watch or watches only through a label selector.
     */
    boolean sees(String apiVersion, String kind, String namespace);

    /** The API group of an apiVersion: "apps/v1" is "apps", "v1" is "". */
    static String groupOf(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
