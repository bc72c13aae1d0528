package ai.vllm.semanticrouter.operator.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Prints SemanticRouters the way {@code kubectl get semanticrouter} does (NAME PHASE REPLICAS READY AGE). */
public final class StatusTable {
    private static final String FORMAT = "%-32s %-12s %-9s %-6s %s%n";

    private StatusTable() {
    }

    public static String format(List<GenericKubernetesResource> routers, Instant now) {
        StringBuilder table = new StringBuilder(String.format(FORMAT, "NAME", "PHASE", "REPLICAS", "READY", "AGE"));
        for (GenericKubernetesResource router : routers) {
            Map<String, Object> status = section(router, "status");
            Map<String, Object> spec = section(router, "spec");
            Object replicas = status.containsKey("replicas") ? status.get("replicas") : spec.get("replicas");
            table.append(String.format(FORMAT, router.getMetadata().getName(),
                    text(status.get("phase")), text(replicas), text(status.get("readyReplicas")),
                    age(router.getMetadata().getCreationTimestamp(), now)));
        }
        return table.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(GenericKubernetesResource router, String name) {
        Object value = router.getAdditionalProperties().get(name);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }

    static String age(String creationTimestamp, Instant now) {
        if (creationTimestamp == null) {
            return "";
        }
        Duration age = Duration.between(Instant.parse(creationTimestamp), now);
        long seconds = Math.max(0, age.getSeconds());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        return seconds / 3600 + "h";
    }
}
