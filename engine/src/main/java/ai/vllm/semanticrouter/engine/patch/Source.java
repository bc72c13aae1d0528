package ai.vllm.semanticrouter.engine.patch;

/** Where a patch reads from. */
public enum Source {
    /** The composite resource (inside a ForEach: the current element). */
    COMPOSITE,
    /** The environment the operator computed. */
    ENVIRONMENT,
    /** The observed (live) object of this template: ToCompositeFieldPath. */
    OBSERVED,
    /** Another template rendered earlier in the same render: FromRenderedFieldPath. */
    RENDERED
}
