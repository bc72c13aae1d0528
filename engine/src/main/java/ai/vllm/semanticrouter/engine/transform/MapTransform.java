package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;

/** Looks the input (as text) up in a table; the result may be any JSON value, objects included. */
public record MapTransform(Map<String, JsonNode> entries) implements Transform {

    public MapTransform {
        entries = Map.copyOf(entries);
    }

    @Override
    public JsonNode apply(JsonNode input) {
        JsonNode result = entries.get(input.asText());
        if (result == null) {
            throw new TransformException("map transform has no entry for '" + input.asText() + "' (keys: "
                    + new java.util.TreeSet<>(entries.keySet()) + ")");
        }
        return result.deepCopy();
    }

    @Override
    public ValueKind output() {
        return entries.values().stream().map(ValueKind::of).distinct().count() == 1
                ? ValueKind.of(entries.values().iterator().next()) : ValueKind.ANY;
    }

    @Override
    public Set<ValueKind> accepts() {
        return Set.of(ValueKind.STRING, ValueKind.NUMBER, ValueKind.BOOLEAN);
    }
}
