package ai.vllm.semanticrouter.operator.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What one apply round wrote, announced as a single Event on the CR: a router's first reconcile
 * creates five objects, and one Event per object was five of its eleven requests to converge.
 * The reason is the one verb when all changes share it ({@code Created}, {@code Deleted}),
 * {@code Updated} otherwise; the message names every object.
 */
final class RoundChanges {
    private final List<ObjectKey> created = new ArrayList<>();
    private final List<ObjectKey> updated = new ArrayList<>();
    private final List<ObjectKey> deleted = new ArrayList<>();

    void created(ObjectKey key) {
        created.add(key);
    }

    void updated(ObjectKey key) {
        updated.add(key);
    }

    void deleted(ObjectKey key) {
        deleted.add(key);
    }

    boolean isEmpty() {
        return created.isEmpty() && updated.isEmpty() && deleted.isEmpty();
    }

    String reason() {
        if (updated.isEmpty() && deleted.isEmpty()) {
            return "Created";
        }
        return created.isEmpty() && updated.isEmpty() ? "Deleted" : "Updated";
    }

    /** e.g. "Created ConfigMap team/demo-config, Deployment team/demo; updated Service team/demo". */
    String message() {
        List<String> parts = new ArrayList<>();
        part(parts, "created", created, "");
        part(parts, "updated", updated, "");
        part(parts, "deleted", deleted, " (no longer rendered)");
        String message = String.join("; ", parts);
        return Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }

    private static void part(List<String> parts, String verb, List<ObjectKey> keys, String suffix) {
        if (!keys.isEmpty()) {
            parts.add(verb + " " + keys.stream().map(ObjectKey::toString).collect(Collectors.joining(", ")) + suffix);
        }
    }
}
