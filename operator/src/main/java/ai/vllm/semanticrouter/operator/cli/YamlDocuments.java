package ai.vllm.semanticrouter.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads multi-document YAML files into objects (List kinds are expanded) and prints objects as YAML. */
final class YamlDocuments {
    private static final YAMLMapper READER = new YAMLMapper();
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .build());

    private YamlDocuments() {
    }

    static List<ObjectNode> read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<ObjectNode> parse(String text) throws IOException {
        List<ObjectNode> objects = new ArrayList<>();
        try (var parser = READER.getFactory().createParser(text)) {
            for (var it = READER.readValues(parser, JsonNode.class); it.hasNext(); ) {
                add(it.next(), objects);
            }
        }
        return objects;
    }

    static String write(JsonNode object) {
        try {
            return WRITER.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(JsonNode document, List<ObjectNode> objects) {
        if (document == null || !document.isObject()) {
            return;
        }
        if (document.path("kind").asText().endsWith("List") && document.path("items").isArray()) {
            document.path("items").forEach(item -> add(item, objects));
            return;
        }
        objects.add((ObjectNode) document);
    }
}
