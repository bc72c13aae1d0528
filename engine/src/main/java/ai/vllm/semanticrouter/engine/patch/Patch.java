package ai.vllm.semanticrouter.engine.patch;

import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.transform.TransformChain;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A compiled patch. Patch-set references are resolved at load time, so a template holds only these.
 */
public sealed interface Patch permits Patch.Copy, Patch.Combine, Patch.ForEach {

    PatchOrigin origin();

    /** CEL over composite and environment; the patch is skipped when false. Null: always applied. */
    CelExpression condition();

    /** FromCompositeFieldPath, FromEnvironmentFieldPath, ToCompositeFieldPath, FromRenderedFieldPath. */
    record Copy(PatchOrigin origin, CelExpression condition, Source source, String resource, FieldPath from,
                FieldPath to, TransformChain transforms, Policy policy) implements Patch {
    }

    /** CombineFromComposite / CombineFromEnvironment: several values formatted into one string. */
    record Combine(PatchOrigin origin, CelExpression condition, Source source, List<FieldPath> variables, String format,
                   FieldPath to, TransformChain transforms, Policy policy) implements Patch {
    }

    /**
     * Builds an array (or, in Map mode, an object keyed by {@code key}) with one entry per element of the
     * source array: each entry starts as {@code base} and the inner patches read the element.
     */
    record ForEach(PatchOrigin origin, CelExpression condition, Source source, FieldPath from, boolean mapMode,
                   FieldPath key, JsonNode base, List<Patch> patches, FieldPath to, Policy policy) implements Patch {
    }
}
