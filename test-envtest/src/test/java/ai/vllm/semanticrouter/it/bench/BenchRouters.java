package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

    /** Ten new namespaces with the backend, for the scale workload. */
    static List<String> scaleNamespaces(ApiServer api, KubernetesClient client, String prefix) {
        List<String> namespaces = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            namespaces.add(namespaceWithBackend(api, client, prefix));
        }
        return namespaces;
    }

    /** Creates {@code count} routers at once (8 threads), round-robin over the namespaces; returns when all are created. */
    static void createAtOnce(KubernetesClient client, List<String> namespaces, int count) throws InterruptedException {
        ExecutorService creators = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            String namespace = namespaces.get(i % namespaces.size());
            String name = "router-" + i;
            creators.submit(() -> create(client, router(namespace, name)));
        }
        creators.shutdown();
        creators.awaitTermination(5, TimeUnit.MINUTES);
    }

    static void create(KubernetesClient client, GenericKubernetesResource router) {
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(router.getMetadata().getNamespace())
                .resource(router).create();
    }
}
