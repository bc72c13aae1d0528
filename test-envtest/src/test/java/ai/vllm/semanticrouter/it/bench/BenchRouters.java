package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/** The CR the operator benchmarks create: one service backend, Deployment + Service + ConfigMaps + ServiceAccount. */
final class BenchRouters {
    /** The semantic cache's similarity threshold of every benchmark router (a warm config update changes it). */
    static final String SIMILARITY_THRESHOLD = "0.8";

    /** Where one benchmark router lives. */
    record Ref(String namespace, String name) {
    }

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
                "config", Map.of("semantic_cache", Map.of("enabled", true, "similarity_threshold", SIMILARITY_THRESHOLD))));
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

    /** The {@code count} routers of the scale workload: router-0, router-1, ... round-robin over the namespaces. */
    static List<Ref> placement(List<String> namespaces, int count) {
        List<Ref> routers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            routers.add(new Ref(namespaces.get(i % namespaces.size()), "router-" + i));
        }
        return routers;
    }

    /** Creates {@code count} routers at once (8 threads), round-robin over the namespaces; returns when all are created. */
    static void createAtOnce(KubernetesClient client, List<String> namespaces, int count) throws InterruptedException {
        atOnce(placement(namespaces, count), router -> create(client, router(router.namespace(), router.name())));
    }

    /** Applies a JSON merge patch to every router at once (8 threads); returns when all are patched. */
    static void patchAtOnce(KubernetesClient client, List<Ref> routers, String mergePatch) throws InterruptedException {
        atOnce(routers, router -> client.genericKubernetesResources(Routers.CONTEXT).inNamespace(router.namespace())
                .withName(router.name()).patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch));
    }

    /** Runs the request for every router on 8 threads and waits for them; a failed request fails the call. */
    private static void atOnce(List<Ref> routers, Consumer<Ref> request) throws InterruptedException {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> sent = routers.stream().<Future<?>>map(r -> senders.submit(() -> request.accept(r))).toList();
            for (Future<?> each : sent) {
                each.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request for a benchmark router failed", e.getCause());
        } finally {
            senders.shutdown();
        }
    }

    static void create(KubernetesClient client, GenericKubernetesResource router) {
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(router.getMetadata().getNamespace())
                .resource(router).create();
    }
}
