package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.EnumSet;
import java.util.Set;

/** The shape of a JSON value, used to check at load time that a transform chain can work. */
public enum ValueKind {
    STRING, NUMBER, BOOLEAN, OBJECT, ARRAY, ANY;

    public static final Set<ValueKind> EVERY = EnumSet.allOf(ValueKind.class);

    public static ValueKind of(JsonNode node) {
        if (node.isTextual()) {
            return STRING;
        }
        if (node.isNumber()) {
            return NUMBER;
        }
        if (node.isBoolean()) {
            return BOOLEAN;
        }
        if (node.isObject()) {
            return OBJECT;
        }
        return node.isArray() ? ARRAY : ANY;
    }

    /** Whether a value of kind {@code produced} may reach a transform that accepts {@code accepted}. */
    public static boolean fits(ValueKind produced, Set<ValueKind> accepted) {
        return produced == ANY || accepted.contains(ANY) || accepted.contains(produced);
    }
}
