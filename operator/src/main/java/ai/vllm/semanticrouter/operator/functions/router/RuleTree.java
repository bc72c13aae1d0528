package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.function.Consumer;

/**
 * Decision rules as the router's decision engine reads them ({@code decision/engine.go}): a leaf
 * names a signal ({@code type}, {@code name}); a node combines its {@code conditions} with
 * {@code AND}, {@code OR} or {@code NOT}.
 */
final class RuleTree {
    private RuleTree() {
    }

    static ObjectNode leaf(String type, String name) {
        return JsonNodeFactory.instance.objectNode().put("type", type).put("name", name);
    }

    static ObjectNode node(String operator, List<? extends JsonNode> conditions) {
        ObjectNode node = JsonNodeFactory.instance.objectNode().put("operator", operator);
        ArrayNode array = node.putArray("conditions");
        conditions.forEach(c -> array.add(c.deepCopy()));
        return node;
    }

    /**
     * {@code rules} that cannot match while any of {@code leaves} matches: {@code AND(NOT(leaves), rules)}.
     * The original rules stay one child, so the engine's confidence of every wrapped decision is
     * {@code (1 + c) / 2}: the order among them is kept under every strategy.
     */
    static ObjectNode unless(List<ObjectNode> leaves, JsonNode rules) {
        JsonNode guard = leaves.size() == 1 ? leaves.get(0) : node("OR", leaves);
        return node("AND", List.of(node("NOT", List.of(guard)), rules));
    }

    /**
     * A node without conditions: an {@code AND} matches every request with confidence 0, an
     * {@code OR} none. Neither can be nested (the validators refuse an empty composite child) and
     * neither needs {@link #unless}.
     */
    static boolean empty(JsonNode rules) {
        return !rules.has("type") && rules.path("conditions").isEmpty();
    }

    /** Every leaf of a rule tree. */
    static void leaves(JsonNode rules, Consumer<JsonNode> visit) {
        if (rules.has("type")) {
            visit.accept(rules);
        }
        rules.path("conditions").forEach(c -> leaves(c, visit));
    }
}
