package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The applied-hash annotation must stay byte-identical across releases, or every object is re-applied
 * once after an upgrade: the digest is pinned to the algorithm it was first written with (Jackson's
 * text of the key-sorted tree, first 16 bytes of its SHA-256) on every golden object and on values
 * that JSON writers tend to disagree on.
 */
class IntentHashTest {
    private static final Path GOLDEN = Path.of("../compositions/src/test/resources/golden");

    @Test
    void theDigestOfEveryGoldenObjectIsTheOneFirstWritten() throws IOException {
        List<JsonNode> objects = goldenObjects();
        assertThat(objects).hasSizeGreaterThan(100);
        for (JsonNode object : objects) {
            assertThat(IntentHash.of(object)).as("%s", object.path("kind")).isEqualTo(firstWritten(object));
        }
    }

    @Test
    void numbersTextAndNestingHashAsFirstWritten() {
        ObjectNode awkward = yaml("""
                metadata: {name: x, annotations: {semanticrouter.vllm.ai/applied-hash: old, b: "2"}}
                spec: {double: 0.5, big: 12345678901234, negative: -3, exp: 1.0e-7, unicode: "grüße ✓",
                       quote: "a\\"b", nested: [{z: 1, a: [3, 1, 2]}, null, true], empty: {}}
                """);
        assertThat(IntentHash.of(awkward)).isEqualTo(firstWritten(awkward)).hasSize(32);
        assertThat(IntentHash.recorded(IntentHash.stamp(awkward.deepCopy()))).isEqualTo(firstWritten(awkward));
    }

    /** The algorithm of the first release, kept here as the reference. */
    private static String firstWritten(JsonNode object) {
        JsonNode copy = object.deepCopy();
        JsonNode annotations = copy.path("metadata").path("annotations");
        if (annotations.isObject()) {
            ((ObjectNode) annotations).remove(IntentHash.ANNOTATION);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sorted(copy).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> sorted.set(name, sorted(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(sorted(element)));
            return array;
        }
        return node;
    }

    private static List<JsonNode> goldenObjects() throws IOException {
        ObjectMapper mapper = new YAMLMapper();
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.walk(GOLDEN)) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("expected.yaml")).sorted().toList()) {
                var parser = new YAMLFactory().createParser(file.toFile());
                mapper.readValues(parser, JsonNode.class).readAll().stream().filter(JsonNode::isObject).forEach(objects::add);
            }
        }
        return objects;
    }
}
