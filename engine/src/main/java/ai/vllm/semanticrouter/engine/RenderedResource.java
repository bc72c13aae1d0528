package ai.vllm.semanticrouter.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One desired object.
 *
 * @param name            the template's name (unique in the set)
 * @param compositionName the composition that holds the template
 * @param object          the object to apply
 * @param readiness       the readiness of the matching observed object
 */
public record RenderedResource(String name, String compositionName, ObjectNode object, Readiness readiness) {
}
