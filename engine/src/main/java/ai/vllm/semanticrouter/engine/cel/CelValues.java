package ai.vllm.semanticrouter.engine.cel;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * JSON values as CEL's Java runtime expects them: Long, Double, String, Boolean, List, Map. Objects and
 * arrays become read-only views converted on access, so a condition that reads two fields of a large CR
 * does not pay for converting all of it. JSON null fields are absent (CEL {@code has()} is false).
 */
final class CelValues {
    private CelValues() {
    }

    static Object of(JsonNode node) {
        if (node.isObject()) {
            return new ObjectView(node);
        }
        if (node.isArray()) {
            return new ArrayView(node);
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return node.asDouble();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    /** A JSON object as a read-only map; JSON null members are left out. */
    private static final class ObjectView extends AbstractMap<String, Object> {
        private final JsonNode node;

        ObjectView(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object get(Object key) {
            JsonNode value = key instanceof String name ? node.get(name) : null;
            return value == null || value.isNull() ? null : of(value);
        }

        @Override
        public boolean containsKey(Object key) {
            JsonNode value = key instanceof String name ? node.get(name) : null;
            return value != null && !value.isNull();
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    Iterator<Map.Entry<String, JsonNode>> fields = members();
                    return new Iterator<>() {
                        @Override
                        public boolean hasNext() {
                            return fields.hasNext();
                        }

                        @Override
                        public Entry<String, Object> next() {
                            Map.Entry<String, JsonNode> field = fields.next();
                            return new SimpleImmutableEntry<>(field.getKey(), of(field.getValue()));
                        }
                    };
                }

                @Override
                public int size() {
                    int count = 0;
                    for (Iterator<Map.Entry<String, JsonNode>> it = members(); it.hasNext(); it.next()) {
                        count++;
                    }
                    return count;
                }
            };
        }

        private Iterator<Map.Entry<String, JsonNode>> members() {
            Iterator<Map.Entry<String, JsonNode>> all = node.fields();
            return new Iterator<>() {
                private Map.Entry<String, JsonNode> next = advance();

                private Map.Entry<String, JsonNode> advance() {
                    while (all.hasNext()) {
                        Map.Entry<String, JsonNode> candidate = all.next();
                        if (!candidate.getValue().isNull()) {
                            return candidate;
                        }
                    }
                    return null;
                }

                @Override
                public boolean hasNext() {
                    return next != null;
                }

                @Override
                public Map.Entry<String, JsonNode> next() {
                    Map.Entry<String, JsonNode> current = next;
                    next = advance();
                    return current;
                }
            };
        }
    }

    /** A JSON array as a read-only list. */
    private static final class ArrayView extends AbstractList<Object> {
        private final JsonNode node;

        ArrayView(JsonNode node) {
            this.node = node;
        }

        @Override
        public Object get(int index) {
            return of(node.get(index));
        }

        @Override
        public int size() {
            return node.size();
        }
    }
}
