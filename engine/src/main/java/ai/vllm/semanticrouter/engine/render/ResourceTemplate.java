package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.patch.Patch;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * A compiled resource template: everything parsed and checked at load time.
 *
 * @param name            unique in the set; the key of observed objects
 * @param compositionName the composition holding it
 * @param origin          the file
 * @param line            the line of the template in the file
 * @param condition       CEL over composite and environment, or null
 * @param base            the object before patches (never mutated)
 * @param patches         in order, patch sets resolved
 * @param serializations  applied after the patches
 * @param readinessChecks all must pass for READY
 */
public record ResourceTemplate(String name, String compositionName, String origin, int line, CelExpression condition,
                               ObjectNode base, List<Patch> patches, List<Serialization> serializations,
                               List<ReadinessCheck> readinessChecks) {

    public ResourceTemplate {
        patches = List.copyOf(patches);
        serializations = List.copyOf(serializations);
        readinessChecks = List.copyOf(readinessChecks);
    }
}
