package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canonical JSON text is byte-identical to what converting the tree to Java values and writing it
 * with sorted map keys gives (the way it was written before): config hashes must not change, or every
 * router pod would roll on an operator upgrade.
 */
class CanonicalJsonTest {
    private static final ObjectMapper BEFORE = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    void sameTextAsConvertingToJavaValuesOnRandomTrees() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            JsonNode tree = tree(random, 0);
            String before = BEFORE.writeValueAsString(BEFORE.treeToValue(tree, Object.class));
            assertThat(Json.canonical(tree)).as(tree.toString()).isEqualTo(before);
            assertThat(Json.canonicalSha256(tree)).as("hash of " + tree).isEqualTo(Digests.sha256Hex(before));
        }
    }

    @Test
    void sortsKeysAtEveryLevel() {
        ObjectNode tree = JSON.objectNode();
        tree.putObject("b").put("z", 1).put("a", "x");
        tree.put("a", true);

        assertThat(Json.canonical(tree)).isEqualTo("{\"a\":true,\"b\":{\"a\":\"x\",\"z\":1}}");
    }

    private static JsonNode tree(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 10 : 13);
        switch (kind) {
            case 0: return JSON.textNode(random.nextBoolean() ? "plain" : "quote\" \\ \n \u00e9 \u2028 </script>");
            case 1: return JSON.booleanNode(random.nextBoolean());
            case 2: return JSON.nullNode();
            case 3: return JSON.numberNode(random.nextInt());
            case 4: return JSON.numberNode(random.nextLong());
            case 5: return JSON.numberNode(random.nextDouble() * 1000);
            case 6: return JSON.numberNode((float) random.nextDouble());
            case 7: return JSON.numberNode(new BigDecimal("1.50"));
            case 8: return JSON.numberNode(BigInteger.TEN.pow(30));
            case 9: return JSON.numberNode((short) 7);
            case 10: {
                ArrayNode array = JSON.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(tree(random, depth + 1));
                }
                return array;
            }
            default: {
                ObjectNode object = JSON.objectNode();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.set(Character.toString('a' + random.nextInt(26)) + random.nextInt(3), tree(random, depth + 1));
                }
                return object;
            }
        }
    }
}
