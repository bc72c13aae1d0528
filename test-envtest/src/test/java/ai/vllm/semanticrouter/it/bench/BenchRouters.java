package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.Map;

/** The CR the operator benchmarks create: one service backend, Deployment + Service + ConfigMaps + ServiceAccount. */
final class BenchRouters {
    private BenchRouters() {
    }

    static GenericKubernetesResource router(String namespace, String name) {
        GenericKubernetesResource router = new GenericKubernetesResource();
        router.setApiVersion("vllm.ai/v1alpha1");
        router.setKind("SemanticRouter");
        router.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        router.setAdditionalProperty("spec", Map.of(
                "vllmEndpoints", List.of(Map.of("name", "qwen", "model", "qwen2.5-7b",
                        "backend", Map.of("type", "service", "service", Map.of("name", "vllm-qwen", "port", 8000)))),
                "persistence", Map.of("enabled", false),
                "config", Map.of("semantic_cache", Map.of("enabled", true, "similarity_threshold", "0.8"))));
        return router;
    }

    /** A new namespace holding the backend Service the benchmark's CRs name. */
    static String namespaceWithBackend(ApiServer api, KubernetesClient client, String prefix) {
        String namespace = api.newNamespace(prefix);
        FakeBackends.apply(client, FakeBackends.forRouter(router(namespace, "backend")));
        return namespace;
    }

    static void create(KubernetesClient client, GenericKubernetesResource router) {
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(router.getMetadata().getNamespace())
                .resource(router).create();
    }
}
