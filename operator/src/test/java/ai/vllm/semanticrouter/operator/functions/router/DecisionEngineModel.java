package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The router's decision engine as the tests read a rendered config: rule trees evaluated against
 * the signals that fired ({@code type:name} to confidence), then the best match chosen by strategy
 * and tiers, following {@code pkg/decision/engine.go} (v0.3.0 and main :395-547): AND averages its
 * children (an empty AND matches with 0), OR takes the best child, NOT matches with 1.0; tiers sort
 * ascending, then confidence, priority, name; {@code confidence} sorts by confidence, priority, name;
 * {@code priority} by priority, confidence, name.
 */
record DecisionEngineModel(String strategy) {
    record Match(String name, double confidence, int priority, int tier) {
    }

    Optional<String> select(JsonNode decisions, Map<String, Double> fired) {
        List<Match> matches = new ArrayList<>();
        boolean tiered = false;
        for (JsonNode decision : decisions) {
            double[] result = eval(decision.path("rules"), fired);
            int tier = decision.path("tier").asInt(0);
            tiered |= tier > 0;
            if (result != null) {
                matches.add(new Match(decision.path("name").asText(), result[0], decision.path("priority").asInt(0), tier));
            }
        }
        Comparator<Match> byName = Comparator.comparing(Match::name);
        Comparator<Match> order;
        if (tiered) {
            order = Comparator.comparingInt(Match::tier).thenComparing(Comparator.comparingDouble(Match::confidence).reversed())
                    .thenComparing(Comparator.comparingInt(Match::priority).reversed()).thenComparing(byName);
        } else if (strategy.equals("confidence")) {
            order = Comparator.comparingDouble(Match::confidence).reversed()
                    .thenComparing(Comparator.comparingInt(Match::priority).reversed()).thenComparing(byName);
        } else {
            order = Comparator.comparingInt(Match::priority).reversed()
                    .thenComparing(Comparator.comparingDouble(Match::confidence).reversed()).thenComparing(byName);
        }
        return matches.stream().min(order).map(Match::name);
    }

    /** {confidence} when the node matches, null otherwise. */
    private static double[] eval(JsonNode node, Map<String, Double> fired) {
        if (node.has("type")) {
            Double confidence = fired.get(node.path("type").asText() + ":" + node.path("name").asText());
            return confidence == null ? null : new double[]{confidence};
        }
        List<JsonNode> children = new ArrayList<>();
        node.path("conditions").forEach(children::add);
        switch (node.path("operator").asText("OR").toUpperCase()) {
            case "AND" -> {
                double total = 0;
                for (JsonNode child : children) {
                    double[] r = eval(child, fired);
                    if (r == null) {
                        return null;
                    }
                    total += r[0];
                }
                return new double[]{children.isEmpty() ? 0 : total / children.size()};
            }
            case "NOT" -> {
                return children.size() != 1 || eval(children.get(0), fired) != null ? null : new double[]{1.0};
            }
            default -> {
                double[] best = null;
                for (JsonNode child : children) {
                    double[] r = eval(child, fired);
                    if (r != null && (best == null || r[0] > best[0])) {
                        best = r;
                    }
                }
                return best;
            }
        }
    }
}
