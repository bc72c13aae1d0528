package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.Map;
import java.util.Objects;

/**
 * One benchmark router as the API server last reported it: the CR, its Deployment and its config
 * ConfigMap ({@code <name>-config}); each null while not seen.
 */
record RouterState(GenericKubernetesResource router, Deployment deployment, ConfigMap config) {
    /** The pod template annotation that carries the hash of the rendered config: it changes, the pods roll. */
    static final String CONFIG_HASH = "semanticrouter.vllm.ai/config-hash";

    boolean complete() {
        return router != null && deployment != null && config != null;
    }

    /** The CR has status for a generation newer than it had in {@code before}. */
    boolean reconciledSince(RouterState before) {
        return Routers.reconciled(router)
                && router.getMetadata().getGeneration() > before.router().getMetadata().getGeneration();
    }

    Integer replicas() {
        return deployment.getSpec().getReplicas();
    }

    String configHash() {
        Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(CONFIG_HASH);
    }

    String configYaml() {
        return config.getData() == null ? null : config.getData().get("config.yaml");
    }

    /** The rendered config.yaml and the Deployment's config hash both differ from {@code before}'s. */
    boolean configRolledSince(RouterState before) {
        return !Objects.equals(configYaml(), before.configYaml()) && !Objects.equals(configHash(), before.configHash());
    }
}
