package ai.vllm.semanticrouter.operator.queue;

/**
 * What a {@link WorkQueue} reports to metrics, as client-go's queue reports to its queue metrics.
 * Called under the queue's lock, so the events of one key arrive in order: keep them cheap.
 */
public interface QueueObserver {
    /** A key that was not waiting was added (an add absorbed by a waiting key is not reported). */
    void added(Object key);

    /** A key was handed to a worker. */
    void taken(Object key);

    /** The worker finished the key. */
    void done(Object key);

    /** A key is to be added again after a delay (a failure's backoff or a requeue-after), as client-go counts retries. */
    void retried();

    QueueObserver NONE = new QueueObserver() {
        @Override
        public void added(Object key) {
        }

        @Override
        public void taken(Object key) {
        }

        @Override
        public void done(Object key) {
        }

        @Override
        public void retried() {
        }
    };
}
