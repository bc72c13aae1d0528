package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.provider.Arguments;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the case tables under src/test/resources/cases and builds one-template compositions from them. */
final class CaseFiles {
    static final YAMLMapper YAML = new YAMLMapper();

    private CaseFiles() {
    }

    /** The kind Thing (example.com/v1) of cases/thing-crd.yaml, the composite of the composite-schema cases. */
    static CompositeType thing() {
        try (InputStream in = CaseFiles.class.getResourceAsStream("/cases/thing-crd.yaml")) {
            return CompositeType.fromCrd(YAML.readTree(in), "v1");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<Arguments> cases(String resource) {
        try (InputStream in = CaseFiles.class.getResourceAsStream("/cases/" + resource)) {
            List<Arguments> arguments = new ArrayList<>();
            for (JsonNode node : YAML.readTree(in)) {
                arguments.add(Arguments.of(node.path("name").asText(), node));
            }
            return arguments.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A composition file with the case's template (and an earlier one, and patch sets, when given). */
    static String composition(JsonNode testCase) {
        ObjectNode file = JsonNodeFactory.instance.objectNode();
        file.put("apiVersion", "compositions.vllm.ai/v1alpha1").put("kind", "Composition");
        file.putObject("metadata").put("name", "case");
        ObjectNode spec = file.putObject("spec");
        spec.putObject("compositeTypeRef").put("apiVersion", "example.com/v1").put("kind", "Thing");
        if (testCase.has("patchSets")) {
            spec.set("patchSets", testCase.get("patchSets"));
        }
        ArrayNode resources = spec.putArray("resources");
        if (testCase.has("earlier")) {
            ObjectNode earlier = resources.addObject().put("name", testCase.at("/earlier/name").asText());
            earlier.set("base", withKind(testCase.at("/earlier/base")));
        }
        ObjectNode template = resources.addObject().put("name", "t");
        template.set("base", withKind(testCase.path("base")));
        for (String field : List.of("patches", "condition", "serialize", "readinessChecks")) {
            if (testCase.has(field)) {
                template.set(field, testCase.get(field));
            }
        }
        try {
            return YAML.writeValueAsString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base with apiVersion/kind added (templates need them; cases compare without them). */
    static ObjectNode withKind(JsonNode base) {
        ObjectNode object = base.isObject() ? base.deepCopy() : JsonNodeFactory.instance.objectNode();
        object.put("apiVersion", "v1");
        object.put("kind", "ConfigMap");
        return object;
    }

    static ObjectNode withoutKind(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        copy.remove(List.of("apiVersion", "kind"));
        return copy;
    }

    static Map<String, JsonNode> observed(JsonNode testCase) {
        return testCase.has("observed") ? Map.of("t", testCase.get("observed")) : Map.of();
    }
}
