package ai.vllm.semanticrouter.engine.schema;

import ai.vllm.semanticrouter.engine.path.PathSegment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A node of a CRD's structural schema, used at load time to check that a field path exists, the way
 * kro type-checks its graph: what a composition reads from, or writes to, its composite. Object
 * properties are fields; a map ({@code additionalProperties}) takes any key; a list takes {@code [0]}
 * or {@code [*]}; below {@code x-kubernetes-preserve-unknown-fields} (or a schema that says nothing)
 * anything goes; {@code apiVersion}, {@code kind} and {@code metadata} (ObjectMeta) exist on the root
 * and on embedded resources. Immutable.
 */
public final class FieldSchema {
    private static final JsonNode STRING = JsonNodeFactory.instance.objectNode().put("type", "string");
    private static final int LISTED_NAMES = 12;

    /** The schema of this node; null when anything goes below it. */
    private final JsonNode schema;
    /** Where this node is, like {@code spec.ingress.hosts[*]}; "" for the root. */
    private final String path;
    private final boolean resource;

    private FieldSchema(JsonNode schema, String path, boolean resource) {
        this.schema = schema;
        this.path = path;
        this.resource = resource;
    }

    /** The root of an {@code openAPIV3Schema}: a whole object of the CRD's kind. */
    static FieldSchema root(JsonNode openApiV3Schema) {
        return new FieldSchema(openApiV3Schema, "", true);
    }

    /** Where this node is in the composite, like {@code spec.ingress.hosts[*]}; "" for the root. */
    public String path() {
        return path;
    }

    /**
     * Follows {@code segments} from this node.
     *
     * @return the node reached, or where the path leaves the schema, why, and the nearest path that exists
     */
    public Lookup lookup(List<PathSegment> segments) {
        FieldSchema node = this;
        for (PathSegment segment : segments) {
            FieldSchema next = node.child(segment);
            if (next == null) {
                Optional<List<PathSegment>> suggestion = suggestion(segments);
                return new Lookup(null, node.problem(segment, suggestion.isEmpty()), suggestion.orElse(null));
            }
            node = next;
        }
        return new Lookup(node, null, null);
    }

    /**
     * The outcome of a {@link #lookup}.
     *
     * @param found      the node reached; null when the path leaves the schema
     * @param problem    why it does not exist, e.g. {@code has no field spec.persistance} (null when found)
     * @param suggestion the same path with each misspelt name replaced by the nearest existing one, when
     *                   that path exists; null otherwise
     */
    public record Lookup(FieldSchema found, String problem, List<PathSegment> suggestion) {
        /** True when the path exists in the schema. */
        public boolean exists() {
            return found != null;
        }
    }

    /** The node one segment down, or null when the schema has no such field or element. */
    FieldSchema child(PathSegment segment) {
        String childPath = join(path, segment);
        if (schema == null) {
            return new FieldSchema(null, childPath, false);
        }
        if (segment instanceof PathSegment.Key key) {
            return field(key.name(), childPath);
        }
        if (schema.has("items")) {
            return new FieldSchema(schema.get("items"), childPath, embedded(schema.get("items")));
        }
        JsonNode additional = schema.get("additionalProperties");
        if (segment instanceof PathSegment.Every && additional != null && additional.isObject()) {
            return new FieldSchema(additional, childPath, embedded(additional)); // any value of a map
        }
        return opaque() ? new FieldSchema(null, childPath, false) : null;
    }

    private FieldSchema field(String name, String childPath) {
        if (resource && name.equals("metadata")) {
            return new FieldSchema(ObjectMetaSchema.SCHEMA, childPath, false);
        }
        JsonNode property = schema.path("properties").get(name);
        if (property != null) {
            return new FieldSchema(property, childPath, embedded(property));
        }
        if (resource && (name.equals("apiVersion") || name.equals("kind"))) {
            return new FieldSchema(STRING, childPath, false);
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            return new FieldSchema(additional, childPath, embedded(additional));
        }
        boolean anyKey = additional != null && additional.asBoolean(false) || preservesUnknown() || opaque();
        return anyKey ? new FieldSchema(null, childPath, false) : null;
    }

    private static boolean embedded(JsonNode schema) {
        return schema.path("x-kubernetes-embedded-resource").asBoolean(false);
    }

    private boolean preservesUnknown() {
        return schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
    }

    /** A schema that says nothing about its value's shape: no type, no fields, no items. */
    private boolean opaque() {
        return !schema.has("type") && !schema.has("properties") && !schema.has("items")
                && !schema.has("additionalProperties") && !schema.path("x-kubernetes-int-or-string").asBoolean(false);
    }

    private boolean isList() {
        return schema.has("items") || "array".equals(schema.path("type").asText());
    }

    private boolean isObject() {
        return schema.has("properties") || schema.has("additionalProperties") || "object".equals(schema.path("type").asText());
    }

    private String problem(PathSegment segment, boolean listNames) {
        String at = path.isEmpty() ? "the root" : path;
        if (segment instanceof PathSegment.Key) {
            if (isList()) {
                return "has a list at " + at + ": address an element with [0], or iterate it with ForEach";
            }
            if (!isObject()) {
                return "has " + article(typeName()) + " at " + at + ", which has no field " + segmentName(segment);
            }
            String known = listNames ? " (" + describeNames() + ")" : "";
            return "has no field " + join(path, segment) + known;
        }
        String kind = isObject() ? (schema.has("additionalProperties") ? "a map" : "an object") : article(typeName());
        return "has " + kind + " at " + at + ", not a list: " + segment + " does not apply"
                + (schema.has("additionalProperties") ? " (a map takes [key])" : "");
    }

    private String describeNames() {
        List<String> names = new ArrayList<>(fieldNames());
        if (names.isEmpty()) {
            return "it has no fields";
        }
        String under = path.isEmpty() ? "" : " of " + path;
        if (names.size() > LISTED_NAMES) {
            return "fields" + under + " include " + String.join(", ", names.subList(0, LISTED_NAMES)) + ", ...";
        }
        return "fields" + under + ": " + String.join(", ", names);
    }

    private Set<String> fieldNames() {
        Set<String> names = new LinkedHashSet<>();
        if (resource) {
            names.addAll(List.of("apiVersion", "kind", "metadata"));
        }
        schema.path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The path with each unknown name replaced by its nearest known one, when that path exists. */
    private Optional<List<PathSegment>> suggestion(List<PathSegment> segments) {
        List<PathSegment> corrected = new ArrayList<>();
        FieldSchema node = this;
        for (PathSegment segment : segments) {
            FieldSchema next = node.child(segment);
            PathSegment used = segment;
            if (next == null && segment instanceof PathSegment.Key key && node.schema != null) {
                Optional<String> nearest = NearestName.of(key.name(), node.fieldNames());
                if (nearest.isEmpty()) {
                    return Optional.empty();
                }
                used = new PathSegment.Key(nearest.get());
                next = node.child(used);
            }
            if (next == null) {
                return Optional.empty();
            }
            corrected.add(used);
            node = next;
        }
        return Optional.of(corrected);
    }

    private String typeName() {
        return schema.path("x-kubernetes-int-or-string").asBoolean(false) ? "int-or-string"
                : schema.path("type").asText("value");
    }

    private static String article(String type) {
        return ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ") + type;
    }

    private static String segmentName(PathSegment segment) {
        return segment instanceof PathSegment.Key key ? key.name() : segment.toString();
    }

    /** {@code path} followed by {@code segment}, as field paths are written. */
    static String join(String path, PathSegment segment) {
        String text = segment.toString();
        return path.isEmpty() && text.startsWith(".") ? text.substring(1) : path + text;
    }
}
