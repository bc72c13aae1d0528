package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The prompt guard and the PII policy as the router acts on them: a signal rule (the router loads
 * a classifier only when a rule uses it, and the rule's threshold is the one that counts) and a
 * decision that blocks with {@code fast_response} (or, for PII, routes to a chosen model). Such a
 * decision must win whenever its signal fires, under every strategy and tier setting: every other
 * decision gets {@code NOT <signal>} (see {@link RuleTree#unless}), and the guards take the
 * highest priorities, the jailbreak guard first. A catch-all (an empty {@code AND}, which the
 * validators refuse to nest) is left as is: it loses anyway, on priority under {@code priority}, and
 * on confidence (always 0, a guard's is above 0) under {@code confidence} and in tier 0, where the
 * guards stay (the engine sorts tiers ascending; {@code decision/engine.go}, main :512-545).
 */
final class GuardPolicy {
    static final String JAILBREAK_MESSAGE = "Request blocked: jailbreak attempt detected.";
    static final String PII_MESSAGE = "Request blocked: personal information detected.";
    /** The router module defaults of the thresholds (router-config spec 1.5). */
    private static final BigDecimal JAILBREAK_THRESHOLD = new BigDecimal("0.7");
    private static final BigDecimal PII_THRESHOLD = new BigDecimal("0.9");

    private record Guard(ObjectNode leaf, ObjectNode decision) {
    }

    private final ConfigDialect dialect;
    private final ModelCatalog catalog;
    private final Findings findings;
    private final FeatureTrace trace;

    GuardPolicy(ConfigDialect dialect, ModelCatalog catalog, Findings findings, FeatureTrace trace) {
        this.dialect = dialect;
        this.catalog = catalog;
        this.findings = findings;
        this.trace = trace;
    }

    void apply(JsonNode config, ObjectNode routing) {
        ArrayNode decisions = routing.has("decisions") ? (ArrayNode) routing.get("decisions") : routing.putArray("decisions");
        ObjectNode signals = Copy.object(routing, "signals");
        Set<String> names = new HashSet<>();
        decisions.forEach(d -> names.add(d.path("name").asText()));
        List<Guard> guards = new ArrayList<>();
        jailbreak(config.path("prompt_guard"), signals, names).ifPresent(guards::add);
        pii(config.path("classifier").path("pii_model"), signals, names, decisions).ifPresent(guards::add);
        if (guards.isEmpty()) {
            return;
        }
        int top = 999;
        for (JsonNode decision : decisions) {
            top = Math.max(top, decision.path("priority").asInt(0));
            if (!RuleTree.empty(decision.path("rules"))) {
                ((ObjectNode) decision).set("rules", RuleTree.unless(leaves(guards, guards.size()), decision.path("rules")));
            }
        }
        for (int i = guards.size() - 1; i >= 0; i--) {
            ObjectNode decision = guards.get(i).decision();
            decision.put("priority", top + guards.size() - i);
            if (i > 0) {
                decision.set("rules", RuleTree.unless(leaves(guards, i), decision.get("rules")));
            }
            decisions.insert(0, decision);
        }
    }

    private static List<ObjectNode> leaves(List<Guard> guards, int count) {
        return guards.subList(0, count).stream().map(Guard::leaf).toList();
    }

    private Optional<Guard> jailbreak(JsonNode guard, ObjectNode signals, Set<String> names) {
        if (!guard.isObject() || !guard.path("enabled").asBoolean(true)) {
            return Optional.empty();
        }
        ObjectNode rule = signal(signals, "jailbreak", "prompt_guard");
        rule.set("threshold", threshold(guard, JAILBREAK_THRESHOLD));
        rule.put("include_history", true);
        String signal = rule.path("name").asText();
        String message = guard.path("block_message").asText(JAILBREAK_MESSAGE);
        ObjectNode decision = blocking(unique(names, "block-jailbreak"), "Block prompts the prompt guard flags as jailbreaks",
                RuleTree.leaf("jailbreak", signal), message);
        String name = decision.path("name").asText();
        trace.origin("routing.signals.jailbreak[" + signal + "]", "spec.config.prompt_guard (threshold, enabled)");
        trace.origin("routing.decisions[" + name + "]", "spec.config.prompt_guard (block_message)");
        trace.acts("prompt guard - jailbreak signal " + signal + " (threshold " + rule.get("threshold").asText()
                + ") blocks with decision " + name + ", which outranks every other decision");
        return Optional.of(new Guard(RuleTree.leaf("jailbreak", signal), decision));
    }

    private Optional<Guard> pii(JsonNode pii, ObjectNode signals, Set<String> names, ArrayNode decisions) {
        if (!pii.isObject()) {
            return Optional.empty();
        }
        String policy = pii.path("policy").asText("block");
        if (policy.equals("off")) {
            if (!usesSignal(decisions, "pii")) {
                findings.warn("spec.config.classifier.pii_model is set but its policy is off and no decision uses a "
                        + "pii signal, so the router does not load the PII classifier; set policy block or route");
            }
            return Optional.empty();
        }
        ObjectNode rule = signal(signals, "pii", "pii");
        rule.set("threshold", threshold(pii, PII_THRESHOLD));
        String signal = rule.path("name").asText();
        ObjectNode leaf = RuleTree.leaf("pii", signal);
        ObjectNode decision;
        String action;
        if (policy.equals("route")) {
            String model = pii.path("route_model").asText("");
            if (catalog.model(model).isEmpty() && !catalog.models().isEmpty()) {
                findings.refuse("spec.config.classifier.pii_model.route_model: model '" + model
                        + "' is served by no spec.vllmEndpoints entry with a discovered backend");
                return Optional.empty();
            }
            decision = decision(unique(names, "route-pii"), "Route prompts with personal information to " + model, leaf);
            decision.putArray("modelRefs").addObject().put("model", model);
            action = "routes to " + model + " (never cached)";
        } else {
            decision = blocking(unique(names, "block-pii"), "Block prompts with personal information", leaf,
                    pii.path("block_message").asText(PII_MESSAGE));
            action = "blocks";
        }
        String name = decision.path("name").asText();
        trace.origin("routing.signals.pii[" + signal + "]", "spec.config.classifier.pii_model (threshold)");
        trace.origin("routing.decisions[" + name + "]", "spec.config.classifier.pii_model.policy (" + policy + ")");
        trace.acts("PII - pii signal " + signal + " (threshold " + rule.get("threshold").asText() + ") " + action
                + " with decision " + name);
        return Optional.of(new Guard(leaf, decision));
    }

    private ObjectNode blocking(String name, String description, ObjectNode leaf, String message) {
        ObjectNode decision = decision(name, description, leaf);
        if (dialect == ConfigDialect.V0_3) {
            // vllm-sr 0.3.0 requires modelRefs on every decision; fast_response answers before any model is called
            catalog.defaultModel().ifPresent(m -> decision.putArray("modelRefs").addObject().put("model", m.name()));
        }
        ObjectNode plugin = decision.putArray("plugins").addObject();
        plugin.put("type", "fast_response");
        plugin.putObject("configuration").put("message", message);
        return decision;
    }

    private static ObjectNode decision(String name, String description, ObjectNode leaf) {
        ObjectNode decision = JsonNodeFactory.instance.objectNode();
        decision.put("name", name);
        decision.put("description", description);
        decision.set("rules", RuleTree.node("OR", List.of(leaf)));
        return decision;
    }

    /** The operator's rule of a signal type, named {@code name} unless the CR already uses that name. */
    private static ObjectNode signal(ObjectNode signals, String type, String name) {
        ArrayNode rules = signals.has(type) && signals.get(type).isArray() ? (ArrayNode) signals.get(type) : signals.putArray(type);
        Set<String> taken = new HashSet<>();
        rules.forEach(r -> taken.add(r.path("name").asText()));
        return rules.addObject().put("name", unique(taken, name));
    }

    private static String unique(Set<String> taken, String name) {
        String chosen = taken.contains(name) ? "operator-" + name : name;
        taken.add(chosen);
        return chosen;
    }

    private static JsonNode threshold(JsonNode source, BigDecimal fallback) {
        return Copy.present(source.get("threshold")) ? Copy.number(source.get("threshold"))
                : JsonNodeFactory.instance.numberNode(fallback);
    }

    static boolean usesSignal(ArrayNode decisions, String type) {
        boolean[] used = {false};
        decisions.forEach(d -> RuleTree.leaves(d.path("rules"), leaf -> used[0] |= type.equals(leaf.path("type").asText())));
        return used[0];
    }
}
