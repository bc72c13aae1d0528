package ai.vllm.semanticrouter.engine.transform;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One step that changes a value on its way from the source field to the target field. The closed
 * vocabulary of Crossplane's Patch &amp; Transform: map, match, math, string, convert.
 */
public sealed interface Transform permits MapTransform, MatchTransform, MathTransform, StringTransform, ConvertTransform {

    /** Applies the transform; throws {@link TransformException} when the input does not fit. */
    JsonNode apply(JsonNode input);

    /** The kind of value this transform produces, for load-time checks of chains. */
    ValueKind output();

    /** The kinds of value this transform accepts. */
    java.util.Set<ValueKind> accepts();
}
