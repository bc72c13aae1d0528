package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.controller.RouterKey;
import ai.vllm.semanticrouter.operator.functions.Dependency;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRs by the objects they read, kept up to date from the CR events: an event of a Service or a
 * StorageClass looks up its readers instead of testing every cached CR, which made the trigger scan
 * quadratic in the number of routers (each router's own Service event tested all of them).
 * Informers deliver CR and dependency events on different threads, hence the lock.
 */
final class ReadersIndex {
    private final List<Dependency> dependencies;
    private final Map<Kind, Map<Dependency.Target, Set<RouterKey>>> readers = new HashMap<>();
    private final Map<RouterKey, Map<Kind, List<Dependency.Target>>> readsOf = new HashMap<>();

    ReadersIndex(List<Dependency> dependencies) {
        this.dependencies = List.copyOf(dependencies);
    }

    /** Records what the CR reads now, replacing what it read before. */
    synchronized void put(JsonNode cr) {
        RouterKey key = RouterKey.of(cr);
        Map<Kind, List<Dependency.Target>> reads = new HashMap<>();
        for (Dependency dependency : dependencies) {
            List<Dependency.Target> targets = dependency.reads().of(cr);
            if (!targets.isEmpty()) {
                reads.computeIfAbsent(new Kind(dependency.apiVersion(), dependency.kind()), k -> new java.util.ArrayList<>())
                        .addAll(targets);
            }
        }
        if (reads.equals(readsOf.get(key))) {
            return;
        }
        remove(key);
        reads.forEach((kind, targets) -> targets.forEach(target -> readers.computeIfAbsent(kind, k -> new HashMap<>())
                .computeIfAbsent(target, t -> new LinkedHashSet<>()).add(key)));
        readsOf.put(key, reads);
    }

    /** Forgets a CR that is gone. */
    synchronized void remove(RouterKey key) {
        Map<Kind, List<Dependency.Target>> reads = readsOf.remove(key);
        if (reads == null) {
            return;
        }
        reads.forEach((kind, targets) -> {
            Map<Dependency.Target, Set<RouterKey>> byTarget = readers.get(kind);
            for (Dependency.Target target : targets) {
                Set<RouterKey> keys = byTarget.get(target);
                if (keys != null && keys.remove(key) && keys.isEmpty()) {
                    byTarget.remove(target);
                }
            }
        });
    }

    /** The CRs that read {@code object}, of that kind. */
    synchronized Set<RouterKey> readers(Kind kind, JsonNode object) {
        Map<Dependency.Target, Set<RouterKey>> byTarget = readers.get(kind);
        if (byTarget == null) {
            return Set.of();
        }
        Set<RouterKey> found = new LinkedHashSet<>();
        for (Dependency.Target target : Dependency.Target.of(object)) {
            found.addAll(byTarget.getOrDefault(target, Set.of()));
        }
        return found;
    }
}
