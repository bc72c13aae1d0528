package ai.vllm.semanticrouter.operator.controller;

/** How one reconcile ended, which decides the key's fate in the work queue. */
public sealed interface ReconcileResult
        permits ReconcileResult.Success, ReconcileResult.Failure {

    /** Done; forget the key's backoff. */
    record Success() implements ReconcileResult {
    }

    /** Failed; retry with the key's exponential backoff. */
    record Failure(String message) implements ReconcileResult {
    }

    static ReconcileResult success() {
        return new Success();
    }
}
