package ai.vllm.semanticrouter.operator.apply;

import java.util.Map;
import java.util.Set;

/**
 * The lists whose order the API server does not keep, by kind and field path: the no-op check
 * ({@link LiveMatch}) compares them as sets. Every other list keeps its order there (containers, env,
 * args, ports, volumes, rules, ...: order matters to their consumers, or the server keeps it), and
 * nothing here changes what is applied or hashed ({@link IntentHash}).
 *
 * <p>HorizontalPodAutoscaler {@code spec.metrics}: kube-apiserver 1.26 and older store an HPA as
 * autoscaling/v1, where a CPU utilisation target is a field of its own and every other metric goes to
 * an annotation; read back as autoscaling/v2 the CPU metric comes last, so {@code [cpu, memory]} is
 * returned as {@code [memory, cpu]}. The HPA controller evaluates every metric and takes the largest
 * proposal, so the order has no meaning.
 */
final class UnorderedLists {
    private static final Map<String, Set<String>> BY_KIND = Map.of(
            "HorizontalPodAutoscaler", Set.of("spec.metrics"));

    private UnorderedLists() {
    }

    /** The field paths ({@code spec.metrics}; {@code []} marks a list element) of that kind's unordered lists. */
    static Set<String> of(String kind) {
        return BY_KIND.getOrDefault(kind, Set.of());
    }
}
