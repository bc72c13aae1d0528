package ai.vllm.semanticrouter.operator.status;

/** {@code status.phase}: the one-word summary shown by {@code kubectl get sr}. */
public enum Phase {
    /** No Deployment yet, or no replica ready. */
    Pending,
    /** Some but not all replicas are ready. */
    Progressing,
    /** Every replica is ready. */
    Running,
    /** The operator could not render, apply or delete what the CR asks for (a missing API only degrades). */
    Failed
}
