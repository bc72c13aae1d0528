package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Deterministic JSON text of a value: keys sorted, no whitespace. */
public final class Json {
    private static final ObjectMapper SORTED = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Json() {
    }

    public static String canonical(JsonNode value) {
        try {
            return SORTED.writeValueAsString(SORTED.treeToValue(value, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return SORTED.readTree(text);
        } catch (JsonProcessingException e) {
            throw new TransformException("not valid JSON: " + e.getOriginalMessage());
        }
    }
}
