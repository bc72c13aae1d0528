package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.apply.LiveMatch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The merge patch that turns the current status into the computed one, or nothing when they
 * already agree (idle means idle). Keys of the current status that are no longer computed, at any
 * object depth, are removed with null.
 */
public final class StatusPatch {

    private StatusPatch() {
    }

    public static Optional<ObjectNode> between(JsonNode current, ObjectNode desired) {
        JsonNode live = current == null || !current.isObject() ? JsonNodeFactory.instance.objectNode() : current;
        ObjectNode status = desired.deepCopy();
        boolean stale = removeStale(live, status);
        if (!stale && LiveMatch.covers(desired, live)) {
            return Optional.empty();
        }
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        patch.set("status", status);
        return Optional.of(patch);
    }

    private static boolean removeStale(JsonNode live, ObjectNode desired) {
        boolean stale = false;
        List<String> names = new ArrayList<>();
        live.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode wanted = desired.get(name);
            if (wanted == null) {
                desired.putNull(name);
                stale = true;
            } else if (wanted.isObject() && live.get(name).isObject()) {
                stale |= removeStale(live.get(name), (ObjectNode) wanted);
            }
        }
        return stale;
    }
}
