package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.apply.ClusterWriter;
import ai.vllm.semanticrouter.operator.status.Condition;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emits a Warning event when a watched condition turns False or changes its message, and a Normal
 * event when it recovers: once per problem and change, not on every reconcile. Stalled is watched
 * for the problems no other watched condition reports with the same reason (a render failure, a
 * spec the CRD refuses).
 *
 * <p>What was last announced per CR is remembered here, not only read from the CR's status: a
 * reconcile that runs before the informer has seen our own status write would otherwise compare
 * against a stale status and announce the same problem twice. After a restart the memory is empty
 * and the persisted status is the reference.
 */
final class ConditionEvents {
    private static final List<String> WATCHED = List.of(Condition.BACKENDS_DISCOVERED, Condition.STORAGE_READY,
            Condition.ROUTER_CONFIG_VALID, Condition.BACKEND_TLS_VERIFIED, Condition.GATEWAY_ATTACHED,
            Condition.GATEWAY_BACKEND_TLS);

    private final ClusterWriter writer;
    private final Map<String, Announced> announced = new ConcurrentHashMap<>();

    ConditionEvents(ClusterWriter writer) {
        this.writer = writer;
    }

    void announce(JsonNode cr, JsonNode status) {
        Set<String> reportedElsewhere = new HashSet<>();
        for (String type : WATCHED) {
            JsonNode now = find(status.path("conditions"), type);
            if (now != null) {
                if ("False".equals(now.path("status").asText())) {
                    reportedElsewhere.add(now.path("reason").asText());
                }
                announce(cr, type, now, false);
            }
        }
        JsonNode stalled = find(status.path("conditions"), Condition.STALLED);
        if (stalled != null && !reportedElsewhere.contains(stalled.path("reason").asText())) {
            announce(cr, Condition.STALLED, stalled, true);
        }
    }

    /** Forgets a CR that is gone, so the memory does not grow with deleted CRs. */
    void forget(String namespace, String name) {
        String prefix = namespace + "/" + name + "/";
        announced.keySet().removeIf(key -> key.startsWith(prefix));
    }

    private void announce(JsonNode cr, String type, JsonNode now, boolean trueIsBad) {
        String key = cr.path("metadata").path("namespace").asText() + "/" + cr.path("metadata").path("name").asText()
                + "/" + cr.path("metadata").path("uid").asText() + "/" + type;
        Announced current = Announced.of(now, trueIsBad);
        Announced before = announced.containsKey(key) ? announced.get(key)
                : previous(cr, type, trueIsBad);
        announced.put(key, current);
        if (!current.healthy() && !current.equals(before)) {
            writer.event(cr, ClusterWriter.EventType.Warning, now.path("reason").asText(), now.path("message").asText());
        } else if (current.healthy() && before != null && !before.healthy() && !trueIsBad) {
            writer.event(cr, ClusterWriter.EventType.Normal, now.path("reason").asText(), now.path("message").asText());
        }
    }

    private static Announced previous(JsonNode cr, String type, boolean trueIsBad) {
        JsonNode before = find(cr.path("status").path("conditions"), type);
        return before == null ? null : Announced.of(before, trueIsBad);
    }

    private static JsonNode find(JsonNode conditions, String type) {
        for (JsonNode condition : conditions) {
            if (type.equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return null;
    }

    /** A condition as announced: whether it was healthy and with which message. */
    private record Announced(boolean healthy, String message) {
        static Announced of(JsonNode condition, boolean trueIsBad) {
            boolean isTrue = "True".equals(condition.path("status").asText());
            return new Announced(isTrue != trueIsBad, condition.path("message").asText());
        }
    }
}
