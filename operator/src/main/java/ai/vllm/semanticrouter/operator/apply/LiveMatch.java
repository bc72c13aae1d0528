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
 * their text (int-or-string). Lists compare element by element in order, except the lists the API
 * server may reorder ({@link UnorderedLists}): there each desired element must match a live one of
 * its own, in any order.
 */
public final class LiveMatch {
    private static final Set<String> QUANTITY_PARENTS = Set.of("limits", "requests", "capacity", "hard");
    private static final Set<String> QUANTITY_FIELDS = Set.of("averageValue", "sizeLimit");

    private final Set<String> unorderedLists;

    private LiveMatch(Set<String> unorderedLists) {
        this.unorderedLists = unorderedLists;
    }

    public static boolean covers(JsonNode desired, JsonNode live) {
        return new LiveMatch(UnorderedLists.of(desired.path("kind").asText())).matches(desired, live, "", "", "");
    }

    /** {@code path}: the dotted field path of {@code desired} ({@code spec.metrics}, {@code []} for an element). */
    private boolean matches(JsonNode desired, JsonNode live, String parent, String field, String path) {
        if (isEmpty(desired)) {
            return live == null || live.isMissingNode() || isEmpty(live);
        }
        if (live == null || live.isMissingNode() || live.isNull()) {
            return false;
        }
        if (desired.isObject()) {
            return live.isObject() && objectMatches(desired, live, field, path);
        }
        if (desired.isArray()) {
            return live.isArray() && desired.size() == live.size()
                    && (unorderedLists.contains(path) ? anyOrderMatches(desired, live, field, path)
                    : inOrderMatches(desired, live, field, path));
        }
        return scalarMatches(desired, live, parent, field);
    }

    private boolean objectMatches(JsonNode desired, JsonNode live, String field, String path) {
        for (Map.Entry<String, JsonNode> entry : desired.properties()) {
            String name = entry.getKey();
            if (!matches(entry.getValue(), live.get(name), field, name, path.isEmpty() ? name : path + "." + name)) {
                return false;
            }
        }
        return true;
    }

    private boolean inOrderMatches(JsonNode desired, JsonNode live, String field, String path) {
        for (int i = 0; i < desired.size(); i++) {
            if (!matches(desired.get(i), live.get(i), field, field, path + "[]")) {
                return false;
            }
        }
        return true;
    }

    /** Whether each desired element matches a distinct live element (lists of equal length, in any order). */
    private boolean anyOrderMatches(JsonNode desired, JsonNode live, String field, String path) {
        return assign(desired, 0, live, new boolean[live.size()], field, path + "[]");
    }

    private boolean assign(JsonNode desired, int next, JsonNode live, boolean[] taken, String field, String path) {
        if (next == desired.size()) {
            return true;
        }
        for (int j = 0; j < live.size(); j++) {
            if (!taken[j] && matches(desired.get(next), live.get(j), field, field, path)) {
                taken[j] = true;
                if (assign(desired, next + 1, live, taken, field, path)) {
                    return true;
                }
                taken[j] = false;
            }
        }
        return false;
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
