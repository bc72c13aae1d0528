package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.apply.ClusterWriter;
import ai.vllm.semanticrouter.operator.apply.ObjectKey;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An in-memory API server for reconciler tests: applies replace the object (keeping its status),
 * deletes remove it, status patches merge into the CR, and every write is recorded.
 */
final class FakeCluster implements ClusterWriter {
    final StaticClusterView view = new StaticClusterView();
    final List<ObjectKey> applied = new ArrayList<>();
    final List<ObjectKey> deleted = new ArrayList<>();
    final List<ObjectNode> statusPatches = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public ObjectNode apply(ObjectNode intent) {
        ObjectKey key = ObjectKey.of(intent);
        ObjectNode live = intent.deepCopy();
        view.get(key.apiVersion(), key.kind(), key.namespace(), key.name())
                .ifPresent(old -> {
                    if (old.has("status")) {
                        live.set("status", old.get("status"));
                    }
                });
        view.put(live);
        applied.add(key);
        return live;
    }

    @Override
    public void delete(ObjectKey key) {
        view.remove(key.apiVersion(), key.kind(), key.namespace(), key.name());
        deleted.add(key);
    }

    @Override
    public void patchStatus(ObjectKey cr, ObjectNode statusPatch) {
        ObjectNode live = view.get(cr.apiVersion(), cr.kind(), cr.namespace(), cr.name()).orElseThrow();
        merge(live.withObjectProperty("status"), statusPatch.get("status"));
        view.put(live);
        statusPatches.add(statusPatch);
    }

    @Override
    public void event(JsonNode cr, EventType type, String reason, String message) {
        events.add(type + " " + reason + " " + message);
    }

    ObjectNode get(String apiVersion, String kind, String namespace, String name) {
        return view.get(apiVersion, kind, namespace, name).orElse(null);
    }

    void clearRecords() {
        applied.clear();
        deleted.clear();
        statusPatches.clear();
        events.clear();
    }

    private static void merge(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            if (field.getValue().isNull()) {
                target.remove(field.getKey());
            } else if (field.getValue().isObject() && target.path(field.getKey()).isObject()) {
                merge((ObjectNode) target.get(field.getKey()), field.getValue());
            } else {
                target.set(field.getKey(), field.getValue());
            }
        }
    }
}
