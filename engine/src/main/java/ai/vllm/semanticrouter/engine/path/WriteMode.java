package ai.vllm.semanticrouter.engine.path;

/** How a value is written where one may already be: Crossplane's toFieldPath policies. */
public enum WriteMode {
    /** Replace whatever is there. */
    REPLACE,
    /** Deep-merge an object into an existing object (the new value wins on conflicts). */
    MERGE_OBJECTS,
    /** Append the value (or each element of an array value) to an existing array. */
    APPEND_ARRAY
}
