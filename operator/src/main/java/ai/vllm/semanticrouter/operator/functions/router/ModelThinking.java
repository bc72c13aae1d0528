package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Which routes think: the router applies a model's reasoning family only on the matched
 * decision's {@code modelRefs[].use_reasoning}. A modelRef that does not say gets what the model's
 * {@code spec.vllmEndpoints[].useReasoning} says (off unless set), and always on for a built-in
 * family that cannot be switched off, where an explicit {@code false} would be refused.
 */
final class ModelThinking {
    private final ReasoningFamilies families;
    private final ModelCatalog catalog;
    private final Findings findings;
    private final FeatureTrace trace;

    ModelThinking(ReasoningFamilies families, ModelCatalog catalog, Findings findings, FeatureTrace trace) {
        this.families = families;
        this.catalog = catalog;
        this.findings = findings;
        this.trace = trace;
    }

    void apply(ArrayNode decisions) {
        List<String> thinking = new ArrayList<>();
        for (JsonNode decision : decisions) {
            for (JsonNode ref : decision.path("modelRefs")) {
                ObjectNode r = (ObjectNode) ref;
                String model = r.path("model").asText();
                var found = catalog.model(model);
                boolean alwaysOn = found.map(families::alwaysOn).orElse(false);
                if (!r.has("use_reasoning")) {
                    r.put("use_reasoning", alwaysOn || found.map(ProviderModel::thinks).orElse(false));
                } else if (!r.path("use_reasoning").asBoolean() && alwaysOn) {
                    findings.refuse("decision '" + decision.path("name").asText() + "' sets use_reasoning false for model '"
                            + model + "', whose reasoning family '" + found.get().reasoningFamily() + "' always thinks");
                }
                if (r.path("use_reasoning").asBoolean()) {
                    thinking.add(decision.path("name").asText() + " -> " + model);
                }
            }
        }
        for (ProviderModel model : catalog.models()) {
            if (model.thinks() && families.source(model) == ReasoningFamilies.Source.NONE) {
                findings.warn("spec.vllmEndpoints[model=" + model.name() + "].useReasoning is true but the model has no "
                        + "reasoningFamily, so the router cannot turn its thinking on");
            }
        }
        if (!thinking.isEmpty()) {
            trace.acts("reasoning - thinking on for " + String.join(", ", thinking) + " (requests for the auto model)");
        }
    }
}
