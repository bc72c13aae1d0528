package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Receives every informer event: {@code before} is null on add, {@code after} is null on delete. The
 * objects may be the informer cache's own: read them, never change them.
 */
@FunctionalInterface
public interface ObjectChangeListener {
    void changed(Kind kind, ObjectNode before, ObjectNode after);
}
