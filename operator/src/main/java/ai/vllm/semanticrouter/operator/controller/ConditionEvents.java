package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.apply.ClusterWriter;
import ai.vllm.semanticrouter.operator.status.Condition;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Emits a Warning event when a discovery or storage condition turns False or changes its message,
 * and a Normal event when it recovers: once per change, not on every reconcile.
 */
final class ConditionEvents {
    private static final List<String> WATCHED = List.of(Condition.BACKENDS_DISCOVERED, Condition.STORAGE_READY,
            Condition.ROUTER_CONFIG_VALID);

    private final ClusterWriter writer;

    ConditionEvents(ClusterWriter writer) {
        this.writer = writer;
    }

    void announce(JsonNode cr, JsonNode status) {
        for (String type : WATCHED) {
            JsonNode now = find(status.path("conditions"), type);
            JsonNode before = find(cr.path("status").path("conditions"), type);
            if (now == null) {
                continue;
            }
            boolean sameStatus = before != null && before.path("status").asText().equals(now.path("status").asText());
            boolean sameMessage = before != null && before.path("message").asText().equals(now.path("message").asText());
            if ("False".equals(now.path("status").asText()) && !(sameStatus && sameMessage)) {
                writer.event(cr, ClusterWriter.EventType.Warning, now.path("reason").asText(), now.path("message").asText());
            } else if ("True".equals(now.path("status").asText()) && before != null && !sameStatus) {
                writer.event(cr, ClusterWriter.EventType.Normal, now.path("reason").asText(), now.path("message").asText());
            }
        }
    }

    private static JsonNode find(JsonNode conditions, String type) {
        for (JsonNode condition : conditions) {
            if (type.equals(condition.path("type").asText())) {
                return condition;
            }
        }
        return null;
    }
}
