package ai.vllm.semanticrouter.engine;

/** Whether an observed object passed its template's readiness checks. */
public enum Readiness {
    READY,
    NOT_READY,
    /** No observed object was given for the template. */
    UNKNOWN
}
