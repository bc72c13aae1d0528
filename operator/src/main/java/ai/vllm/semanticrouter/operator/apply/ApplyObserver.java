package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Told of each server-side apply the writer sends: before it, and with the object the server answered, or of its failure. */
public interface ApplyObserver {
    /** Observes nothing. */
    ApplyObserver NONE = new ApplyObserver() {
        @Override
        public void applying(ObjectKey object) {
        }

        @Override
        public void applied(ObjectKey object, ObjectNode live) {
        }

        @Override
        public void failed(ObjectKey object) {
        }
    };

    void applying(ObjectKey object);

    void applied(ObjectKey object, ObjectNode live);

    void failed(ObjectKey object);
}
