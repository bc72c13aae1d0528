package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * "Desired ⊆ live": whether the live object already holds every field of the apply intent, so the
 * apply can be skipped. Fields the server adds (defaults, status, clusterIP) and fields left out of
 * the intent (spec.replicas under an HPA) are ignored; empty values match absent ones; quantities
 * under limits/requests compare by amount ("1000m" = "1"); numbers compare by value, also against
 * their text (int-or-string).
 */
public final class LiveMatch {
    private static final Set<String> QUANTITY_PARENTS = Set.of("limits", "requests", "capacity", "hard");
    private static final Set<String> QUANTITY_FIELDS = Set.of("averageValue", "sizeLimit");

    private LiveMatch() {
    }

    public static boolean covers(JsonNode desired, JsonNode live) {
        return matches(desired, live, "", "");
    }

    private static boolean matches(JsonNode desired, JsonNode live, String parent, String field) {
        if (isEmpty(desired)) {
            return live == null || live.isMissingNode() || isEmpty(live);
        }
        if (live == null || live.isMissingNode() || live.isNull()) {
            return false;
        }
        if (desired.isObject()) {
            return live.isObject() && objectMatches(desired, live, field);
        }
        if (desired.isArray()) {
            return live.isArray() && arrayMatches(desired, live, field);
        }
        return scalarMatches(desired, live, parent, field);
    }

    private static boolean objectMatches(JsonNode desired, JsonNode live, String field) {
        for (Map.Entry<String, JsonNode> entry : desired.properties()) {
            if (!matches(entry.getValue(), live.get(entry.getKey()), field, entry.getKey())) {
                return false;
            }
        }
        return true;
    }

    private static boolean arrayMatches(JsonNode desired, JsonNode live, String field) {
        if (desired.size() != live.size()) {
            return false;
        }
        for (int i = 0; i < desired.size(); i++) {
            if (!matches(desired.get(i), live.get(i), field, field)) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalarMatches(JsonNode desired, JsonNode live, String parent, String field) {
        if (desired.equals(live)) {
            return true;
        }
        if (QUANTITY_PARENTS.contains(parent) || QUANTITY_FIELDS.contains(field)) {
            return sameQuantity(desired.asText(), live.asText());
        }
        if (desired.isTextual() && live.isTextual()) {
            return false;
        }
        BigDecimal wanted = number(desired);
        BigDecimal actual = number(live);
        return wanted != null && actual != null && wanted.compareTo(actual) == 0;
    }

    private static boolean sameQuantity(String desired, String live) {
        try {
            return Quantity.getAmountInBytes(new Quantity(desired))
                    .compareTo(Quantity.getAmountInBytes(new Quantity(live))) == 0;
        } catch (RuntimeException notAQuantity) {
            return false;
        }
    }

    private static BigDecimal number(JsonNode node) {
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isTextual()) {
            try {
                return new BigDecimal(node.asText());
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    private static boolean isEmpty(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull()
                || ((node.isObject() || node.isArray()) && node.isEmpty());
    }
}
