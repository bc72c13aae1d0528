package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Comparator;

/** JSON equality where 1, 1L and 1.0 are the same number (YAML parsers pick different node types). */
final class JsonValues {
    static final Comparator<JsonNode> NUMERIC = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonValues() {
    }
}
