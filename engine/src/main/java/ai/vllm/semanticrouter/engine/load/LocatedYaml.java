package ai.vllm.semanticrouter.engine.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.IdentityHashMap;
import java.util.Map;

/** A YAML document as a Jackson tree that remembers the line and column of every node. */
public final class LocatedYaml {
    private static final YAMLFactory YAML = new YAMLFactory();
    private final JsonNode root;
    private final Map<JsonNode, int[]> locations;

    private LocatedYaml(JsonNode root, Map<JsonNode, int[]> locations) {
        this.root = root;
        this.locations = locations;
    }

    /** Parses one document; a syntax error becomes a {@link CompositionException} with its position. */
    public static LocatedYaml parse(String text) {
        Map<JsonNode, int[]> locations = new IdentityHashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new LocatedYaml(NullNode.getInstance(), locations);
            }
            JsonNode root = read(parser, first, locations);
            return new LocatedYaml(root, locations);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new LocatedSyntaxError(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "YAML syntax error: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LocatedSyntaxError(0, 0, "cannot read YAML: " + e.getMessage());
        }
    }

    public JsonNode root() {
        return root;
    }

    /** {line, column} of a node of this document, {0, 0} when unknown. */
    public int[] locate(JsonNode node) {
        return node == null ? new int[]{0, 0} : locations.getOrDefault(node, new int[]{0, 0});
    }

    private static JsonNode read(JsonParser parser, JsonToken token, Map<JsonNode, int[]> locations) throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        JsonNode node = switch (token) {
            case START_OBJECT -> readObject(parser, locations);
            case START_ARRAY -> readArray(parser, locations);
            case VALUE_STRING -> new TextNode(parser.getText());
            case VALUE_NUMBER_INT -> LongNode.valueOf(parser.getLongValue());
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(parser.getDoubleValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            default -> NullNode.getInstance();
        };
        if (node.isContainerNode() || node.isTextual() || node.isNumber()) {
            locations.put(node, new int[]{at.getLineNr(), at.getColumnNr()});
        }
        return node;
    }

    private static ObjectNode readObject(JsonParser parser, Map<JsonNode, int[]> locations) throws IOException {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String name = parser.currentName().intern(); // as path keys are: lookups compare by identity
            object.set(name, read(parser, parser.nextToken(), locations));
        }
        return object;
    }

    private static ArrayNode readArray(JsonParser parser, Map<JsonNode, int[]> locations) throws IOException {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(read(parser, token, locations));
        }
        return array;
    }

    /** A syntax error with the position the YAML parser reported. */
    public static final class LocatedSyntaxError extends RuntimeException {
        private final int line;
        private final int column;

        LocatedSyntaxError(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }
}
