package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.apply.Kind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Drops a kind from API discovery only when two rounds in a row miss it. A kube-apiserver that has
 * just restarted answers discovery before it has registered the CRDs again, so for about a second
 * Routes (and the CR kind itself) look uninstalled: acting on that would flip the platform to
 * Kubernetes and prune every Route. A kind really removed is dropped one confirming round later.
 * Kinds that appear are taken at once. Not thread-safe: the discovery loop's refresh is synchronized.
 */
final class VanishingKinds {
    private Set<Kind> missedOnce = Set.of();

    /**
     * The snapshot to use: {@code found}, plus the kinds of {@code before} that it misses for the
     * first time (and their groups).
     */
    ServedApis confirm(ServedApis before, ServedApis found) {
        Map<Kind, ResourceDefinitionContext> kept = new HashMap<>();
        for (Map.Entry<Kind, ResourceDefinitionContext> entry : before.resources().entrySet()) {
            if (!found.serves(entry.getKey()) && !missedOnce.contains(entry.getKey())) {
                kept.put(entry.getKey(), entry.getValue());
            }
        }
        missedOnce = Set.copyOf(kept.keySet());
        if (kept.isEmpty()) {
            return found;
        }
        Map<Kind, ResourceDefinitionContext> resources = new HashMap<>(found.resources());
        resources.putAll(kept);
        Set<String> groups = new HashSet<>(found.groups());
        kept.keySet().forEach(kind -> groups.add(group(kind)));
        return new ServedApis(groups, resources, found.unreadable());
    }

    /** Whether some kinds are kept on one miss: a confirming round should follow soon. */
    boolean awaitingConfirmation() {
        return !missedOnce.isEmpty();
    }

    Set<Kind> awaiting() {
        return missedOnce;
    }

    private static String group(Kind kind) {
        int slash = kind.apiVersion().indexOf('/');
        return slash < 0 ? "" : kind.apiVersion().substring(0, slash);
    }
}
