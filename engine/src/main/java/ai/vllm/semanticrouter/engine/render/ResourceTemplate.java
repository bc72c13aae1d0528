package ai.vllm.semanticrouter.engine.render;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.patch.Patch;
import ai.vllm.semanticrouter.engine.patch.Source;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.Readiness;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * Whether the rendered object can hold {@code fieldPath}: the base sets it, or a patch (other
     * than one writing the composite's status) targets it. What RBAC or a CSV must allow for.
     */
    public boolean writes(String fieldPath) {
        FieldPath path = FieldPath.parse(fieldPath);
        return path.read(base).isPresent() || patches.stream().anyMatch(p -> targets(p, path));
    }

    private static boolean targets(Patch patch, FieldPath path) {
        if (patch instanceof Patch.Copy copy) {
            return copy.source() != Source.OBSERVED && path.equals(copy.to());
        }
        if (patch instanceof Patch.Combine combine) {
            return path.equals(combine.to());
        }
        return patch instanceof Patch.ForEach forEach && path.equals(forEach.to());
    }

    /**
     * Whether {@code observed} passes every readiness check: UNKNOWN when there is no observed
     * object, NOT_READY when a check fails or cannot be evaluated (a CEL error on a missing field).
     */
    public Readiness readiness(JsonNode observed) {
        if (observed == null || observed.isNull() || observed.isMissingNode()) {
            return Readiness.UNKNOWN;
        }
        for (ReadinessCheck check : readinessChecks) {
            try {
                if (!check.test(observed)) {
                    return Readiness.NOT_READY;
                }
            } catch (IllegalStateException e) {
                return Readiness.NOT_READY;
            }
        }
        return Readiness.READY;
    }
}
