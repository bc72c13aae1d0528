package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.TraceEntry;
import ai.vllm.semanticrouter.engine.cel.CelBindings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What the patches of one template see while rendering. Inside a ForEach, {@code composite} is the element.
 *
 * @param resourceName the template being rendered (for traces)
 * @param composite    the CR (read only)
 * @param environment  the environment (read only)
 * @param observed     the live object of this template, or null
 * @param rendered     templates rendered earlier in this render, by name
 * @param status       collects ToCompositeFieldPath writes
 * @param trace        collects one entry per field written
 * @param cel          CEL values of the trees, converted once per render
 */
record Scope(String resourceName, JsonNode composite, JsonNode environment, JsonNode observed,
             Map<String, ObjectNode> rendered, ObjectNode status, List<TraceEntry> trace, CelBindings cel) {

    Scope forElement(JsonNode element) {
        return new Scope(resourceName, element, environment, observed, rendered, status, trace, cel);
    }
}
