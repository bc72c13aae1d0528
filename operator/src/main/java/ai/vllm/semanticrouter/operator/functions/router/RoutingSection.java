package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.EndpointSpec.Lora;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * {@code routing}: one model card per provider model (with its LoRAs), the signals of
 * {@code spec.config.routing.signals} and {@code complexity_rules}, the decisions of
 * {@code spec.config.routing.decisions} and {@code decisions}, and a catch-all decision to the
 * default model so that requests for {@code auto} (or for no model) route somewhere.
 */
final class RoutingSection {
    static final String CATCH_ALL = "default-route";
    /** routing keys every v0.3 router knows; v0.4 adds the rest of {@link #V04_KEYS}. */
    private static final Set<String> V03_KEYS = Set.of("modelCards", "signals", "projections", "decisions");
    private static final Set<String> V04_KEYS = Set.of("modelCards", "signals", "projections", "decisions",
            "strategy", "candidate_requirements", "data_policy", "model_bindings", "fallback");

    private final ConfigDialect dialect;
    private final Findings findings;
    private final FeatureTrace trace;

    RoutingSection(ConfigDialect dialect, Findings findings, FeatureTrace trace) {
        this.dialect = dialect;
        this.findings = findings;
        this.trace = trace;
    }

    ObjectNode write(JsonNode config, ModelCatalog catalog) {
        JsonNode user = config.path("routing");
        ObjectNode routing = JsonNodeFactory.instance.objectNode();
        if (!catalog.models().isEmpty()) {
            routing.set("modelCards", modelCards(catalog, user.path("modelCards")));
        }
        ObjectNode signals = user.path("signals").isObject() ? ((ObjectNode) user.path("signals")).deepCopy()
                : JsonNodeFactory.instance.objectNode();
        complexity(config.path("complexity_rules"), signals);
        routing.set("signals", signals); // before the decisions, as people read them; dropped below when empty
        Copy.field(user, "projections", routing);
        traceSignals(signals, config);
        ArrayNode decisions = JsonNodeFactory.instance.arrayNode();
        user.path("decisions").forEach(d -> decisions.add(decision(d, "spec.config.routing.decisions")));
        config.path("decisions").forEach(d -> decisions.add(decision(d, "spec.config.decisions")));
        catalog.defaultModel().ifPresent(model -> decisions.add(catchAll(model.name(), decisions)));
        routing.set("decisions", decisions);
        makeTogglesAct(config, catalog, routing, decisions);
        if (decisions.isEmpty()) {
            routing.remove("decisions");
        }
        if (signals.isEmpty()) {
            routing.remove("signals");
        }
        passThrough(user, routing);
        return routing;
    }

    /** Plugins first (so the guards' decisions get none), then the guards, then who thinks on each route. */
    private void makeTogglesAct(JsonNode config, ModelCatalog catalog, ObjectNode routing, ArrayNode decisions) {
        new DecisionPlugins(dialect, trace).apply(config, decisions);
        new GuardPolicy(dialect, catalog, findings, trace).apply(config, routing);
        new ModelThinking(new ReasoningFamilies(config.path("reasoning_families"), dialect), catalog, findings, trace)
                .apply(decisions);
        if (config.path("classifier").path("category_model").isObject() && !GuardPolicy.usesSignal(decisions, "domain")) {
            findings.warn("spec.config.classifier.category_model is set but no decision uses a domain signal, so the "
                    + "router does not load the category classifier; add decisions on type domain");
        }
    }

    private void traceSignals(ObjectNode signals, JsonNode config) {
        signals.properties().forEach(type -> type.getValue().forEach(rule -> {
            String name = rule.path("name").asText();
            boolean complexity = type.getKey().equals("complexity")
                    && java.util.stream.StreamSupport.stream(config.path("complexity_rules").spliterator(), false)
                    .anyMatch(r -> r.path("name").asText().equals(name));
            trace.origin("routing.signals." + type.getKey() + "[" + name + "]", complexity
                    ? "spec.config.complexity_rules[" + name + "]" : "spec.config.routing.signals." + type.getKey());
        }));
    }

    private ArrayNode modelCards(ModelCatalog catalog, JsonNode userCards) {
        ArrayNode cards = JsonNodeFactory.instance.arrayNode();
        for (ProviderModel model : catalog.models()) {
            ObjectNode card = cards.addObject();
            for (JsonNode userCard : userCards) {
                if (model.name().equals(userCard.path("name").asText())) {
                    card.setAll((ObjectNode) Copy.without(userCard, Set.of()));
                }
            }
            card.put("name", model.name());
            if (!model.loras().isEmpty()) {
                ArrayNode loras = card.putArray("loras");
                for (Lora lora : model.loras()) {
                    ObjectNode entry = loras.addObject().put("name", lora.name());
                    if (!lora.description().isEmpty()) {
                        entry.put("description", lora.description());
                    }
                }
            }
        }
        return cards;
    }

    private static void complexity(JsonNode rules, ObjectNode signals) {
        if (!rules.isArray() || rules.isEmpty()) {
            return;
        }
        ArrayNode out = signals.path("complexity").isArray() ? (ArrayNode) signals.get("complexity")
                : signals.putArray("complexity");
        for (JsonNode rule : rules) {
            ObjectNode entry = (ObjectNode) Copy.without(rule, Set.of());
            Copy.number(rule, "threshold", entry);
            out.add(entry);
        }
    }

    private ObjectNode decision(JsonNode source, String crPath) {
        ObjectNode decision = (ObjectNode) Copy.without(source, Set.of("preferred_endpoints"));
        if (Copy.present(source.get("preferred_endpoints"))) {
            findings.ignore(crPath + "[" + source.path("name").asText() + "].preferred_endpoints",
                    "no router version has it; Envoy balances a model's endpoints by weight");
        }
        if (!decision.has("priority")) {
            decision.put("priority", 0);
        }
        if (dialect == ConfigDialect.V0_3 && !decision.has("description")) {
            decision.put("description", decision.path("name").asText());
        }
        trace.origin("routing.decisions[" + decision.path("name").asText() + "]",
                crPath + "[" + source.path("name").asText() + "]");
        return decision;
    }

    private ObjectNode catchAll(String model, ArrayNode decisions) {
        Set<String> names = new HashSet<>();
        decisions.forEach(d -> names.add(d.path("name").asText()));
        String name = names.contains(CATCH_ALL) ? "operator-" + CATCH_ALL : CATCH_ALL;
        ObjectNode decision = JsonNodeFactory.instance.objectNode();
        decision.put("name", name);
        decision.put("description", "Catch-all route to the default model");
        decision.put("priority", 0);
        ObjectNode rules = decision.putObject("rules");
        rules.put("operator", "AND");
        rules.putArray("conditions");
        decision.putArray("modelRefs").addObject().put("model", model);
        trace.origin("routing.decisions[" + name + "]", "spec.vllmEndpoints (the default model, first by name)");
        return decision;
    }

    private void passThrough(JsonNode user, ObjectNode routing) {
        Set<String> known = dialect == ConfigDialect.V0_3 ? V03_KEYS : V04_KEYS;
        user.fieldNames().forEachRemaining(key -> {
            if (V03_KEYS.contains(key)) {
                return;
            }
            if (known.contains(key)) {
                routing.set(key, user.get(key).deepCopy());
            } else {
                findings.ignore("spec.config.routing." + key, "not a routing key of " + dialect.value() + " routers");
            }
        });
    }
}
