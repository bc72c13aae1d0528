package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Notes when each SemanticRouter first shows status for its current generation (nanoTime). */
final class ReconcileClock implements AutoCloseable {
    private final Map<String, Long> reconciledAt = new ConcurrentHashMap<>();
    private final Watch watch;

    ReconcileClock(KubernetesClient client) {
        watch = client.genericKubernetesResources(Routers.CONTEXT).inAnyNamespace().watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource router) {
                if (Routers.reconciled(router)) {
                    reconciledAt.putIfAbsent(key(router.getMetadata().getNamespace(), router.getMetadata().getName()),
                            System.nanoTime());
                }
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        });
    }

    static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    Long reconciledAt(String namespace, String name) {
        return reconciledAt.get(key(namespace, name));
    }

    int count() {
        return reconciledAt.size();
    }

    @Override
    public void close() {
        watch.close();
    }
}
