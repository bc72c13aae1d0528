package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An in-memory cluster: the objects of a {@code --cluster} file for {@code render}, or a fake
 * cluster in tests. API groups of the stored objects and the built-in Kubernetes groups are
 * served; other groups only when added with {@link #serveGroup}. It holds the whole cluster: an
 * object it does not hold does not exist, unless it is restricted with {@link #watchOnly}.
 */
public final class StaticClusterView implements ClusterView {
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "autoscaling", "batch", "policy",
            "networking.k8s.io", "storage.k8s.io", "coordination.k8s.io", "rbac.authorization.k8s.io",
            "apiextensions.k8s.io");

    private final Map<String, ObjectNode> objects = new ConcurrentSkipListMap<>();
    private final Set<String> groups = ConcurrentHashMap.newKeySet();
    private volatile String watchedNamespace;

    public StaticClusterView() {
        groups.addAll(BUILT_IN_GROUPS);
    }

    public static StaticClusterView of(List<? extends JsonNode> objects) {
        StaticClusterView view = new StaticClusterView();
        objects.forEach(view::put);
        return view;
    }

    /** Stores (or replaces) an object and serves its API group. */
    public StaticClusterView put(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        String apiVersion = copy.path("apiVersion").asText();
        groups.add(ClusterView.groupOf(apiVersion));
        objects.put(key(apiVersion, copy.path("kind").asText(), namespaceOf(copy),
                copy.path("metadata").path("name").asText()), copy);
        return this;
    }

    public StaticClusterView remove(String apiVersion, String kind, String namespace, String name) {
        objects.remove(key(apiVersion, kind, namespace, name));
        return this;
    }

    public StaticClusterView serveGroup(String group) {
        groups.add(group);
        return this;
    }

    public StaticClusterView stopServingGroup(String group) {
        groups.remove(group);
        return this;
    }

    /**
     * Like an operator started with {@code --namespace}: namespaced objects of other namespaces are
     * neither shown nor {@linkplain #sees seen}.
     */
    public StaticClusterView watchOnly(String namespace) {
        this.watchedNamespace = namespace;
        return this;
    }

    @Override
    public boolean servesGroup(String group) {
        return groups.contains(group);
    }

    @Override
    public boolean servesKind(String apiVersion, String kind) {
        return servesGroup(ClusterView.groupOf(apiVersion));
    }

    @Override
    public Optional<ObjectNode> get(String apiVersion, String kind, String namespace, String name) {
        ObjectNode found = objects.get(key(apiVersion, kind, namespace, name));
        return Optional.ofNullable(found).filter(this::visible).map(ObjectNode::deepCopy);
    }

    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String namespace) {
        return objects.values().stream()
                .filter(o -> o.path("apiVersion").asText().equals(apiVersion)
                        && o.path("kind").asText().equals(kind)
                        && (namespace == null || namespace.equals(namespaceOf(o))))
                .filter(this::visible)
                .map(ObjectNode::deepCopy)
                .sorted(Comparator.comparing(StaticClusterView::namespaceOf)
                        .thenComparing(o -> o.path("metadata").path("name").asText()))
                .toList();
    }

    @Override
    public boolean sees(String apiVersion, String kind, String namespace) {
        return visible(namespace);
    }

    private boolean visible(JsonNode object) {
        return visible(namespaceOf(object));
    }

    private boolean visible(String namespace) {
        String watched = watchedNamespace;
        return watched == null || namespace == null || namespace.isEmpty() || watched.equals(namespace);
    }

    private static String namespaceOf(JsonNode object) {
        return object.path("metadata").path("namespace").asText("");
    }

    private static String key(String apiVersion, String kind, String namespace, String name) {
        return apiVersion + "|" + kind + "|" + (namespace == null ? "" : namespace) + "|" + name;
    }
}
