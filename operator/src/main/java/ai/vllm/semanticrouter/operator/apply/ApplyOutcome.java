package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What one apply-and-prune round did: the live state of every intent (applied or unchanged), the
 * failures (one message each), the kinds the API server does not serve, and counts for the log.
 */
public record ApplyOutcome(Map<ObjectKey, ObjectNode> live, List<String> applyFailures, List<String> pruneFailures,
                           List<Kind> unservedKinds, int written, int unchanged, int pruned) {

    public ApplyOutcome {
        live = Map.copyOf(live);
        applyFailures = List.copyOf(applyFailures);
        pruneFailures = List.copyOf(pruneFailures);
        unservedKinds = List.copyOf(unservedKinds);
    }

    /** A round that wrote and pruned nothing: every object stays as it is in the cluster. */
    public static ApplyOutcome untouched(Inventory inventory) {
        Map<ObjectKey, ObjectNode> live = new java.util.LinkedHashMap<>();
        inventory.objects().forEach(object -> live.put(ObjectKey.of(object), object));
        return new ApplyOutcome(live, List.of(), List.of(), List.of(), 0, live.size(), 0);
    }

    /** The first live object of a kind, or null. */
    public ObjectNode first(Kind kind) {
        return live.entrySet().stream().filter(e -> e.getKey().type().equals(kind))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
