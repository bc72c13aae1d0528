package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every write the reconciler makes. The live implementation is {@link KubernetesClusterWriter};
 * tests record the calls.
 */
public interface ClusterWriter {
    /** Server-side apply with field manager {@code semantic-router-operator}, forcing conflicts; returns the live object. */
    ObjectNode apply(ObjectNode intent);

    /** Deletes an object (background propagation); absent objects are not an error. */
    void delete(ObjectKey key);

    /** JSON merge patch of the status subresource of the CR. */
    void patchStatus(ObjectKey cr, ObjectNode statusPatch);

    /** Records a core v1 Event on the CR. */
    void event(JsonNode cr, EventType type, String reason, String message);

    /** The event type: Normal or Warning. */
    enum EventType { Normal, Warning }
}
