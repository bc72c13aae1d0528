package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code providers}: the default model and one entry per provider model with its endpoints. The
 * dialects differ here: v0.3 routers read {@code default_model}, {@code reasoning_families} and
 * {@code reasoning_family}; v0.4 reads {@code model} and a {@code reasoning} object per model.
 */
final class ProvidersSection {
    private final ConfigDialect dialect;
    private final Findings findings;

    ProvidersSection(ConfigDialect dialect, Findings findings) {
        this.dialect = dialect;
        this.findings = findings;
    }

    ObjectNode write(JsonNode config, ModelCatalog catalog) {
        ObjectNode providers = JsonNodeFactory.instance.objectNode();
        JsonNode families = config.path("reasoning_families");
        catalog.defaultModel().ifPresent(model -> defaults(config, families, model, providers.putObject("defaults")));
        ArrayNode models = providers.putArray("models");
        for (ProviderModel model : catalog.models()) {
            ObjectNode entry = models.addObject();
            entry.put("name", model.name());
            reasoning(model, families, entry);
            ArrayNode refs = entry.putArray("backend_refs");
            model.backends().forEach(ref -> refs.add(ref.toConfig()));
        }
        return providers;
    }

    private void defaults(JsonNode config, JsonNode families, ProviderModel model, ObjectNode defaults) {
        if (dialect == ConfigDialect.V0_3) {
            defaults.put("default_model", model.name());
            Copy.field(config, "default_reasoning_effort", defaults);
            if (families.isObject() && !families.isEmpty()) {
                defaults.set("reasoning_families", Copy.without(families, java.util.Set.of()));
            }
            return;
        }
        defaults.put("model", model.name());
        Copy.field(config, "default_reasoning_effort", defaults, "reasoning_effort");
    }

    private void reasoning(ProviderModel model, JsonNode families, ObjectNode entry) {
        String family = model.reasoningFamily();
        ReasoningFamilies.Source source = new ReasoningFamilies(families, dialect).source(model);
        if (source == ReasoningFamilies.Source.NONE) {
            return;
        }
        if (source == ReasoningFamilies.Source.UNKNOWN) {
            findings.refuse("spec.vllmEndpoints[model=" + model.name() + "].reasoningFamily: family '" + family
                    + "' is not defined in spec.config.reasoning_families" + (dialect == ConfigDialect.V0_3
                    ? " (v0.3 routers have no built-in families and refuse such a config)"
                    : " and is not a built-in family of v0.4 routers (" + ReasoningFamilies.builtInExamples() + ")"));
            return;
        }
        if (source == ReasoningFamilies.Source.BUILT_IN) {
            entry.putObject("reasoning").put("family", family);
            return;
        }
        JsonNode definition = families.path(family);
        if (dialect == ConfigDialect.V0_3) {
            entry.put("reasoning_family", family);
            return;
        }
        ObjectNode reasoning = entry.putObject("reasoning");
        Copy.fields(definition, reasoning, "type", "parameter");
        if (definition.path("type").asText().endsWith("reasoning_effort")) {
            reasoning.putArray("levels").add("low").add("medium").add("high");
        }
        // reasoning on request only: decisions may say use_reasoning: false
        reasoning.putArray("modes").add("enabled").add("disabled");
        reasoning.put("default_mode", "disabled");
    }
}
