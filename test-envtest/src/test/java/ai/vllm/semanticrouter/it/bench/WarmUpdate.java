package ai.vllm.semanticrouter.it.bench;

import java.util.function.BiPredicate;

/**
 * A change of every benchmark router at once on an operator that has converged them (issue 26,
 * item 4): the merge patch sent to each CR, and how to tell from a router's objects that the
 * operator has carried it out ({@code done(before, now)}, besides status for the new generation).
 *
 * @param name what is updated, as the figures name it
 */
record WarmUpdate(String name, String mergePatch, BiPredicate<RouterState, RouterState> done) {
    /** spec.replicas of every router: BenchRouters leaves it to the CRD's default, 1. */
    static final int REPLICAS = 2;
    /** The semantic cache's similarity threshold after the config update (BenchRouters creates 0.8). */
    static final String SIMILARITY_THRESHOLD = "0.9";

    /** spec.replicas 1 to 2: the operator re-applies the Deployment with its new replicas. */
    static WarmUpdate replicas() {
        return new WarmUpdate("replicas", "{\"spec\":{\"replicas\":" + REPLICAS + "}}",
                (before, now) -> now.replicas() != null && now.replicas() == REPLICAS);
    }

    /**
     * spec.config.semantic_cache.similarity_threshold 0.8 to 0.9, which config.yaml renders: the operator
     * re-applies the config ConfigMap and the Deployment, whose pod template carries the config's hash
     * (the pods roll).
     */
    static WarmUpdate config() {
        return new WarmUpdate("config", "{\"spec\":{\"config\":{\"semantic_cache\":{\"similarity_threshold\":\""
                + SIMILARITY_THRESHOLD + "\"}}}}", (before, now) -> now.configRolledSince(before));
    }

    /** The operator has status for a generation after the patch and the objects show the change. */
    boolean reached(RouterState before, RouterState now) {
        return now.complete() && now.reconciledSince(before) && done.test(before, now);
    }
}
