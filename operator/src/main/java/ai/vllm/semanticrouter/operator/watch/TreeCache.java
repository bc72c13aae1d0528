package ai.vllm.semanticrouter.operator.watch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cached objects of one watched kind, each held once, as the JSON tree decoded from the API
 * server's bytes, by key ({@code namespace/name}, or the name of a cluster-scoped object) and by
 * namespace. Objects are stored without {@code metadata.managedFields}: server-side apply records
 * there, per field manager, a tree as large as the fields it manages, and the operator never reads it.
 * The trees are shared with every reader: never change them.
 */
final class TreeCache {
    private final Map<String, ObjectNode> byKey = new ConcurrentHashMap<>();
    private final Map<String, Map<String, ObjectNode>> byNamespace = new ConcurrentHashMap<>();
    private final String indexedLabel;
    private final Map<String, Map<String, ObjectNode>> byLabel = new ConcurrentHashMap<>();

    /** @param indexedLabel a label whose values index the objects in each namespace ({@link #labelled}) */
    TreeCache(String indexedLabel) {
        this.indexedLabel = indexedLabel;
    }

    /** {@code namespace/name}, or the name of a cluster-scoped object. */
    static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    static String key(JsonNode object) {
        JsonNode metadata = object.path("metadata");
        return key(metadata.path("namespace").asText(""), metadata.path("name").asText());
    }

    static String resourceVersion(JsonNode object) {
        return object.path("metadata").path("resourceVersion").asText("");
    }

    /** Drops what the cache does not keep; the object is the decoder's own, not yet shared. */
    static ObjectNode lean(ObjectNode object) {
        if (object.get("metadata") instanceof ObjectNode metadata) {
            metadata.remove("managedFields");
        }
        return object;
    }

    ObjectNode get(String key) {
        return byKey.get(key);
    }

    /** @return the object it replaced, or null */
    ObjectNode put(ObjectNode object) {
        String key = key(object);
        ObjectNode previous = byKey.put(key, object);
        byNamespace.computeIfAbsent(object.path("metadata").path("namespace").asText(""), n -> new ConcurrentHashMap<>())
                .put(key, object);
        if (previous != null) {
            unindexLabel(previous, key);
        }
        String labelKey = labelKey(object);
        if (labelKey != null) {
            byLabel.computeIfAbsent(labelKey, n -> new ConcurrentHashMap<>()).put(key, object);
        }
        return previous;
    }

    /** @return the object removed, or null */
    ObjectNode remove(String key) {
        ObjectNode previous = byKey.remove(key);
        if (previous != null) {
            Map<String, ObjectNode> namespace = byNamespace.get(previous.path("metadata").path("namespace").asText(""));
            if (namespace != null) {
                namespace.remove(key);
            }
            unindexLabel(previous, key);
        }
        return previous;
    }

    private void unindexLabel(ObjectNode object, String key) {
        String labelKey = labelKey(object);
        Map<String, ObjectNode> labelled = labelKey == null ? null : byLabel.get(labelKey);
        if (labelled != null) {
            labelled.remove(key);
        }
    }

    /** namespace NUL label value, or null when the object lacks the label. */
    private String labelKey(ObjectNode object) {
        JsonNode metadata = object.path("metadata");
        JsonNode value = metadata.path("labels").get(indexedLabel);
        return value == null || !value.isTextual() ? null : metadata.path("namespace").asText("") + '\0' + value.asText();
    }

    Set<String> keys() {
        return Set.copyOf(byKey.keySet());
    }

    Collection<ObjectNode> all() {
        return List.copyOf(byKey.values());
    }

    /** The objects of one namespace whose indexed label has this value. */
    Collection<ObjectNode> labelled(String namespace, String value) {
        Map<String, ObjectNode> objects = byLabel.get(namespace + '\0' + value);
        return objects == null ? List.of() : List.copyOf(objects.values());
    }

    /** The objects of one namespace ("" for cluster-scoped ones). */
    Collection<ObjectNode> inNamespace(String namespace) {
        Map<String, ObjectNode> objects = byNamespace.get(namespace);
        return objects == null ? List.of() : List.copyOf(objects.values());
    }
}
