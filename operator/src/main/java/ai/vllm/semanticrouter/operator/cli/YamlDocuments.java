package ai.vllm.semanticrouter.operator.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads multi-document YAML files into Kubernetes objects (List kinds are expanded) and prints
 * objects as YAML. Input that is not YAML, or a document that is not an object with apiVersion and
 * kind, is an {@link InputError} naming the file, line and column.
 */
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

    /** The objects of a file; a file that cannot be read or parsed is an {@link InputError}. */
    static List<ObjectNode> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InputError(file + ": no such file");
        } catch (IOException e) {
            throw new InputError(file + ": cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** The objects of YAML text (problems are named {@code <input>:line:column}). */
    static List<ObjectNode> parse(String text) throws IOException {
        return parse(text, "<input>");
    }

    static List<ObjectNode> parse(String text, String source) {
        List<ObjectNode> objects = new ArrayList<>();
        try (JsonParser parser = READER.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                JsonLocation start = parser.currentTokenLocation();
                add(READER.readTree(parser), objects, source, start);
            }
        } catch (JsonProcessingException e) {
            throw new InputError(where(source, e) + problem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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

    private static void add(JsonNode document, List<ObjectNode> objects, String source, JsonLocation start) {
        if (document == null || document.isNull() || document.isMissingNode()) {
            return; // an empty document ("---" alone)
        }
        if (!document.isObject()) {
            throw new InputError(at(source, start) + "not a Kubernetes object: the document is "
                    + kind(document) + ", expected a mapping with apiVersion and kind");
        }
        if (document.path("kind").asText().endsWith("List") && document.path("items").isArray()) {
            document.path("items").forEach(item -> add(item, objects, source, start));
            return;
        }
        for (String field : List.of("apiVersion", "kind")) {
            if (!document.path(field).isTextual() || document.path(field).asText().isEmpty()) {
                throw new InputError(at(source, start) + "not a Kubernetes object: " + field
                        + (document.has(field) ? " must be a non-empty string" : " is missing"));
            }
        }
        if (document.has("metadata") && !document.get("metadata").isObject()) {
            throw new InputError(at(source, start) + "not a Kubernetes object: metadata must be a mapping, not "
                    + kind(document.get("metadata")));
        }
        objects.add((ObjectNode) document);
    }

    /** Where SnakeYAML saw the problem (its marks count from 0), else where the parser stood. */
    private static String where(String source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            return source + ":" + (yaml.getProblemMark().getLine() + 1) + ":" + (yaml.getProblemMark().getColumn() + 1) + ": ";
        }
        return at(source, e.getLocation());
    }

    private static String at(String source, JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return source + ":1:1: ";
        }
        return source + ":" + location.getLineNr() + ":" + Math.max(location.getColumnNr(), 1) + ": ";
    }

    /** The parser's problem without the excerpt and position lines SnakeYAML adds. */
    private static String problem(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblem() != null) {
            String context = yaml.getContext() == null ? "" : yaml.getContext() + ": ";
            return (context + yaml.getProblem()).replace("\t", "\\t").replaceAll("\\s*\\n\\s*", " ").trim();
        }
        String message = e.getOriginalMessage();
        return (message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message)).trim();
    }

    private static String kind(JsonNode node) {
        if (node.isArray()) {
            return "a list";
        }
        if (node.isTextual()) {
            return "a string (\"" + abbreviate(node.asText()) + "\")";
        }
        return node.isObject() ? "a mapping" : "a " + node.getNodeType().name().toLowerCase();
    }

    private static String abbreviate(String text) {
        String line = text.lines().findFirst().orElse("");
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    /**
     * Input the command cannot use, as one line {@code <file>:<line>:<column>: <problem>}. The command
     * line prints an exception it does not handle with {@code printStackTrace}; this one prints as
     * that line alone, so a user never sees a Java stack trace for a broken file.
     */
    static final class InputError extends RuntimeException {
        InputError(String message) {
            super(message, null, false, false);
        }

        @Override
        public void printStackTrace(PrintWriter writer) {
            writer.println(getMessage());
        }

        @Override
        public void printStackTrace(PrintStream stream) {
            stream.println(getMessage());
        }
    }
}
