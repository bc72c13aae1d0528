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

    /** The first live object of a kind, or null. */
    public ObjectNode first(Kind kind) {
        return live.entrySet().stream().filter(e -> e.getKey().type().equals(kind))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
