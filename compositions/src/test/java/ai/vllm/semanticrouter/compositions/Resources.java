package ai.vllm.semanticrouter.compositions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: the module's classpath resources and YAML reading and writing. */
final class Resources {
    static final String ROOT = "semanticrouter/";
    static final String CRD = ROOT + "crd/vllm.ai_semanticrouters.yaml";
    static final String INDEX = ROOT + "compositions/index.txt";
    static final List<String> SAMPLES = List.of("simple", "openshift", "gateway", "llamastack", "route", "production",
            "redis-cache", "complexity", "mmbert");
    static final Path TEST_RESOURCES = Path.of("src/test/resources");
    static final Path MAIN_RESOURCES = Path.of("src/main/resources");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    private Resources() {
    }

    static String text(String resource) {
        try (InputStream in = Resources.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no classpath resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode yamlFile(Path file) {
        try {
            return yaml(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> yamlDocuments(String text) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            var parser = YAML.getFactory().createParser(text);
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String toYaml(JsonNode node) {
        try {
            return YAML.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode crd() {
        return yaml(text(CRD));
    }

    static ObjectNode sample(String name) {
        return (ObjectNode) yaml(text(ROOT + "samples/vllm.ai_v1alpha1_semanticrouter_" + name + ".yaml"));
    }

    static List<String> indexEntries() {
        return text(INDEX).lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }
}
