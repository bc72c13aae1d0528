package ai.vllm.semanticrouter.engine.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes values at field paths, creating missing objects and arrays on the way. */
public final class FieldWriter {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private FieldWriter() {
    }

    /**
     * Writes {@code value} at {@code path} inside {@code root} and returns the (possibly new) root:
     * the root path replaces or merges the root itself.
     */
    public static JsonNode write(JsonNode root, FieldPath path, JsonNode value, WriteMode mode) {
        if (path.isJsonPath()) {
            throw new IllegalArgumentException("a JSONPath ('" + path + "') can only be read, not written");
        }
        return write(root, path.segments(), 0, value, mode, path);
    }

    private static JsonNode write(JsonNode node, List<PathSegment> segments, int at, JsonNode value, WriteMode mode,
                                  FieldPath path) {
        if (at == segments.size()) {
            return combine(node, value, mode);
        }
        PathSegment segment = segments.get(at);
        if (segment instanceof PathSegment.Key key) {
            ObjectNode object = node != null && node.isObject() ? (ObjectNode) node : NODES.objectNode();
            JsonNode existing = object.get(key.name());
            JsonNode written = write(existing, segments, at + 1, value, mode, path);
            if (written != existing) {
                object.set(key.name(), written);
            }
            return object;
        }
        if (segment instanceof PathSegment.Index index) {
            ArrayNode array = node != null && node.isArray() ? (ArrayNode) node : NODES.arrayNode();
            while (array.size() <= index.index()) {
                array.addNull();
            }
            array.set(index.index(), write(array.get(index.index()), segments, at + 1, value, mode, path));
            return array;
        }
        if (node == null || !node.isArray()) {
            return node == null ? NODES.arrayNode() : node;
        }
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
            array.set(i, write(array.get(i), segments, at + 1, value.deepCopy(), mode, path));
        }
        return array;
    }

    private static JsonNode combine(JsonNode existing, JsonNode value, WriteMode mode) {
        return switch (mode) {
            case REPLACE -> value;
            case MERGE_OBJECTS -> existing != null && existing.isObject() && value.isObject()
                    ? merge((ObjectNode) existing, (ObjectNode) value) : value;
            case APPEND_ARRAY -> {
                ArrayNode array = existing != null && existing.isArray() ? (ArrayNode) existing : NODES.arrayNode();
                if (value.isArray()) {
                    value.forEach(array::add);
                } else {
                    array.add(value);
                }
                yield array;
            }
        };
    }

    /** Deep merge: objects merge key by key, anything else from {@code overlay} replaces. */
    public static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
        Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = base.get(field.getKey());
            if (current != null && current.isObject() && field.getValue().isObject()) {
                merge((ObjectNode) current, (ObjectNode) field.getValue());
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
        return base;
    }
}
