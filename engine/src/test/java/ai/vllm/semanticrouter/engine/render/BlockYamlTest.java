package ai.vllm.semanticrouter.engine.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast YAML writer is byte-identical to Jackson's generator whenever it answers (differential test). */
class BlockYamlTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLMapper JACKSON = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build();
    private static final List<String> WORDS = List.of("a", "router", "sentence-transformers/all-MiniLM-L12-v2",
            "qwen3.team.svc.cluster.local", "true", "True", "TRUE", "tRue", "no", "Off", "null", "y", "N", "0.8", "42",
            "1.2.3", "10Gi", "-lead", "_x", "/app/config", "a b", "You are a math expert", "x: y", "a #b", "",
            " lead", "trail ", "two  spaces", "line\nbreak", "quote\"d", "it's", "50%", "a@b.c", "otel-collector.observability.svc:4317", "a:b:c", "x:", "a: b", "a :b", "http://x.y:80/p", "f(x)", "f (x)", "x (y) z", "(x)", "12345678901234567890", "3.", ".5", "1.5", "k=v", "~",
            "a very long sentence with many words that will certainly go beyond the eighty column line width",
            "models/category_classifier_modernbert-base_model/category_mapping.json",
            "models/pii_classifier_modernbert-base_presidio_token_model/pii_type_mapping.json_and_a_longer_tail_beyond_eighty",
            "short then models/pii_classifier_modernbert-base_presidio_token_model/pii_type_mapping.json");

    @Test
    void answersExactlyWhatJacksonWritesOrNothing() throws Exception {
        Random random = new Random(7L);
        int answered = 0;
        for (int i = 0; i < 4000; i++) {
            JsonNode tree = random.nextBoolean() ? object(random, 0) : array(random, 0);
            String fast = BlockYaml.write(tree);
            if (fast != null) {
                answered++;
                assertThat(fast).as("tree %s", tree).isEqualTo(JACKSON.writeValueAsString(tree));
            }
        }
        assertThat(answered).as("the fast path is taken often enough to matter").isGreaterThan(200);
    }

    @Test
    void aRouterConfigTakesTheFastPath() throws Exception {
        JsonNode config = JACKSON.readTree("""
                bert_model: {model_id: sentence-transformers/all-MiniLM-L12-v2, threshold: 0.6, use_cpu: true}
                semantic_cache: {enabled: false, similarity_threshold: 0.8, max_entries: 1000}
                vllm_endpoints:
                  - {name: qwen3-endpoint, address: qwen3.team.svc.cluster.local, port: 8000, weight: 1, models: [qwen3]}
                categories:
                  - name: math
                    model_scores: [{model: qwen3, score: 1.0, use_reasoning: true}]
                classifier:
                  pii_model:
                    pii_mapping_path: models/pii_classifier_modernbert-base_presidio_token_model/pii_type_mapping.json
                empty: {}
                none: []
                version: "1.0"
                """);
        String fast = BlockYaml.write(config);
        assertThat(fast).isNotNull().isEqualTo(JACKSON.writeValueAsString(config));
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            String key = random.nextInt(8) == 0 ? WORDS.get(random.nextInt(WORDS.size())) : "k" + random.nextInt(20);
            node.set(key, value(random, depth + 1));
        }
        return node;
    }

    private static ArrayNode array(Random random, int depth) {
        ArrayNode node = NODES.arrayNode();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            node.add(value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 9);
        return switch (kind) {
            case 0 -> NODES.numberNode(random.nextInt(2000) - 1000);
            case 1 -> NODES.numberNode(random.nextBoolean() ? random.nextInt(1000) / 8.0 : Math.pow(10, random.nextInt(40) - 20));
            case 2 -> NODES.booleanNode(random.nextBoolean());
            case 3 -> NODES.nullNode();
            case 4, 5 -> NODES.textNode(WORDS.get(random.nextInt(WORDS.size())));
            case 6 -> array(random, depth);
            default -> object(random, depth);
        };
    }
}
