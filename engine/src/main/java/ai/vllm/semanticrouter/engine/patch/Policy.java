package ai.vllm.semanticrouter.engine.patch;

import ai.vllm.semanticrouter.engine.path.WriteMode;

/**
 * Crossplane's patch policy.
 *
 * @param required  {@code fromFieldPath: Required}: a missing source value is an error (default Optional: skip)
 * @param writeMode {@code toFieldPath: Replace | MergeObjects | AppendArray}
 */
public record Policy(boolean required, WriteMode writeMode) {
    public static final Policy DEFAULT = new Policy(false, WriteMode.REPLACE);
}
