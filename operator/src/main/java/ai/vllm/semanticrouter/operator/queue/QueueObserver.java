package ai.vllm.semanticrouter.operator.queue;

/** What a {@link WorkQueue} reports to metrics; every method is called outside the queue's lock. */
public interface QueueObserver {
    /** A key was added (also when it was already waiting and the add was absorbed). */
    void added();

    /** A key was re-added because its reconcile failed. */
    void retried();

    /** The number of keys waiting to be processed changed. */
    void depth(int depth);

    QueueObserver NONE = new QueueObserver() {
        @Override
        public void added() {
        }

        @Override
        public void retried() {
        }

        @Override
        public void depth(int depth) {
        }
    };
}
