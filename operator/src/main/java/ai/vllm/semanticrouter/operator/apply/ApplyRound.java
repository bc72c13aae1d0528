package ai.vllm.semanticrouter.operator.apply;

import ai.vllm.semanticrouter.operator.functions.ClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies one CR's intents and prunes what no longer renders. An object whose cached state already
 * holds the intent is not written; one failing object does not stop the others. The round ends with
 * at most one Event for what it changed and one Warning per kind of failure, each naming every
 * object concerned.
 */
public final class ApplyRound {
    private static final Logger LOG = LoggerFactory.getLogger(ApplyRound.class);

    private final ClusterView view;
    private final ClusterWriter writer;
    private final JsonNode cr;
    private final Inventory inventory;
    private final Map<ObjectKey, ObjectNode> live = new LinkedHashMap<>();
    private final List<String> applyFailures = new ArrayList<>();
    private final List<String> pruneFailures = new ArrayList<>();
    private final Set<Kind> unserved = new LinkedHashSet<>();
    private final RoundChanges changes = new RoundChanges();
    private int written;
    private int unchanged;
    private int pruned;

    public ApplyRound(ClusterView view, ClusterWriter writer, JsonNode cr, Inventory inventory) {
        this.view = view;
        this.writer = writer;
        this.cr = cr;
        this.inventory = inventory;
    }

    public ApplyOutcome run(List<ObjectNode> intents, Set<String> failedTemplates) {
        Set<ObjectKey> rendered = new LinkedHashSet<>();
        for (ObjectNode intent : intents) {
            ObjectKey key = ObjectKey.of(intent);
            rendered.add(key);
            if (!view.servesKind(key.apiVersion(), key.kind())) {
                unserved.add(key.type());
                continue;
            }
            applyOne(key, intent);
        }
        for (ObjectNode stale : inventory.pruneCandidates(rendered, failedTemplates, cr)) {
            pruneOne(ObjectKey.of(stale));
        }
        announce();
        return new ApplyOutcome(live, applyFailures, pruneFailures, new ArrayList<>(unserved),
                written, unchanged, pruned);
    }

    private void applyOne(ObjectKey key, ObjectNode rendered) {
        ObjectNode cached = inventory.live(key);
        ObjectNode intent = ClaimSpec.keepLiveSpec(rendered, cached);
        ApplyDecision decision = ApplyDecision.of(intent, cached);
        if (decision == ApplyDecision.UNCHANGED) {
            live.put(key, cached);
            unchanged++;
            return;
        }
        try {
            live.put(key, writer.apply(intent));
            written++;
            if (decision == ApplyDecision.CREATE) {
                changes.created(key);
            } else {
                changes.updated(key);
            }
            LOG.info("{} {} semanticrouter={}", decision == ApplyDecision.CREATE ? "Created" : "Updated", key, crName());
        } catch (RuntimeException e) {
            applyFailures.add(key + ": " + e.getMessage());
            LOG.warn("Apply failed semanticrouter={} object={}: {}", crName(), key, e.getMessage());
        }
    }

    private void pruneOne(ObjectKey key) {
        try {
            writer.delete(key);
            pruned++;
            changes.deleted(key);
            LOG.info("Deleted {} semanticrouter={} (no longer rendered)", key, crName());
        } catch (RuntimeException e) {
            pruneFailures.add(key + ": " + e.getMessage());
            LOG.warn("Prune failed semanticrouter={} object={}: {}", crName(), key, e.getMessage());
        }
    }

    private void announce() {
        if (!changes.isEmpty()) {
            writer.event(cr, ClusterWriter.EventType.Normal, changes.reason(), changes.message());
        }
        if (!applyFailures.isEmpty()) {
            writer.event(cr, ClusterWriter.EventType.Warning, "ApplyFailed",
                    "Failed to apply " + String.join("; ", applyFailures));
        }
        if (!pruneFailures.isEmpty()) {
            writer.event(cr, ClusterWriter.EventType.Warning, "DeleteFailed",
                    "Failed to delete " + String.join("; ", pruneFailures));
        }
    }

    private String crName() {
        return cr.path("metadata").path("namespace").asText() + "/" + cr.path("metadata").path("name").asText();
    }
}
