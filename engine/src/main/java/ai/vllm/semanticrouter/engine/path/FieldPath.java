package ai.vllm.semanticrouter.engine.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.List;
import java.util.Optional;

/**
 * A parsed field path: {@code spec.a.b[0].c}, {@code metadata.labels[app.kubernetes.io/instance]},
 * {@code items[*].x}, the empty path (the root itself), or a JSONPath read starting with {@code $}.
 * Immutable; parse once at load time.
 */
public final class FieldPath {
    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider()).mappingProvider(new JacksonMappingProvider())
            .options(Option.SUPPRESS_EXCEPTIONS).build();

    private final String text;
    private final List<PathSegment> segments;
    private final JsonPath jsonPath;

    private FieldPath(String text, List<PathSegment> segments, JsonPath jsonPath) {
        this.text = text;
        this.segments = List.copyOf(segments);
        this.jsonPath = jsonPath;
    }

    /** Parses a path; throws {@link FieldPathSyntaxException} naming the character where it fails. */
    public static FieldPath parse(String text) {
        if (text.startsWith("$")) {
            try {
                return new FieldPath(text, List.of(), JsonPath.compile(text));
            } catch (RuntimeException e) {
                throw new FieldPathSyntaxException(text, 0, "invalid JSONPath: " + e.getMessage());
            }
        }
        return new FieldPath(text, FieldPathParser.segments(text), null);
    }

    public boolean isRoot() {
        return segments.isEmpty() && jsonPath == null;
    }

    public boolean isJsonPath() {
        return jsonPath != null;
    }

    public List<PathSegment> segments() {
        return segments;
    }

    /**
     * The steps a schema can check: every segment, or for a JSONPath its leading steps up to the
     * first one a schema cannot follow (a deep scan, a union, a slice), a filter standing for every
     * element.
     */
    public List<PathSegment> definiteSteps() {
        return jsonPath == null ? segments : JsonPathSteps.leading(text);
    }

    /** Segments written as a field path: {@code spec.a[0][app.kubernetes.io/name]}. */
    public static String text(List<PathSegment> segments) {
        StringBuilder text = new StringBuilder();
        for (PathSegment segment : segments) {
            text.append(segment);
        }
        return text.length() > 0 && text.charAt(0) == '.' ? text.substring(1) : text.toString();
    }

    /** The value at this path; empty when a step is missing or the value is JSON null. */
    public Optional<JsonNode> read(JsonNode root) {
        if (jsonPath != null) {
            return readJsonPath(root);
        }
        JsonNode node = root;
        for (PathSegment segment : segments) {
            if (segment instanceof PathSegment.Key key) {
                node = node != null && node.isObject() ? node.get(key.name()) : null;
            } else if (segment instanceof PathSegment.Index index) {
                node = node != null && node.isArray() ? node.get(index.index()) : null;
            }
            if (node == null) {
                return Optional.empty();
            }
        }
        return node == null || node.isNull() || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    private Optional<JsonNode> readJsonPath(JsonNode root) {
        try {
            JsonNode result = JsonPath.using(JSON_PATH).parse(root.deepCopy()).read(jsonPath);
            if (result == null || result.isNull() || (!jsonPath.isDefinite() && result.isEmpty())) {
                return Optional.empty();
            }
            return Optional.of(result);
        } catch (PathNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FieldPath path && path.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
