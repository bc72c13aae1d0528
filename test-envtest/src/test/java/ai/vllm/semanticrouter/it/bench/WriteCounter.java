package ai.vllm.semanticrouter.it.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts writes to the objects the operator manages, as the API server reports them (one watch
 * event per create, update or delete). Nothing else writes them on a bare API server: there is no
 * controller manager, scheduler or kubelet. On the CRs, a modification that raises the generation
 * is the benchmark's own spec change (a warm update), not counted; every other one is the operator's.
 */
final class WriteCounter implements AutoCloseable {
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong statusWrites = new AtomicLong();
    private final List<Watch> watches = new ArrayList<>();
    /** The generation each CR had in its last event, to tell the benchmark's spec changes from the operator's writes. */
    private final Map<String, Long> generations = new ConcurrentHashMap<>();

    WriteCounter(KubernetesClient client) {
        watches.add(client.apps().deployments().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "semantic-router-operator").watch(counting(writes)));
        watches.add(client.services().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "semantic-router-operator").watch(counting(writes)));
        watches.add(client.configMaps().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "semantic-router-operator").watch(counting(writes)));
        watches.add(client.serviceAccounts().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "semantic-router-operator").watch(counting(writes)));
        watches.add(client.persistentVolumeClaims().inAnyNamespace().withLabel("app.kubernetes.io/managed-by", "semantic-router-operator").watch(counting(writes)));
        watches.add(client.genericKubernetesResources(ai.vllm.semanticrouter.it.support.Routers.CONTEXT).inAnyNamespace()
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, io.fabric8.kubernetes.api.model.GenericKubernetesResource resource) {
                        if (action == Action.MODIFIED && !specChanged(resource)) {
                            statusWrites.incrementAndGet();
                        }
                        remember(action, resource);
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                }));
    }

    long objectWrites() {
        return writes.get();
    }

    /** CR modifications that leave the generation alone: status (and metadata) writes by the operator. */
    long statusWrites() {
        return statusWrites.get();
    }

    private boolean specChanged(HasMetadata router) {
        Long before = generations.get(ReconcileClock.key(router.getMetadata().getNamespace(), router.getMetadata().getName()));
        return before != null && generation(router) > before;
    }

    private void remember(Watcher.Action action, HasMetadata router) {
        String key = ReconcileClock.key(router.getMetadata().getNamespace(), router.getMetadata().getName());
        if (action == Watcher.Action.DELETED) {
            generations.remove(key);
        } else if (action == Watcher.Action.ADDED || action == Watcher.Action.MODIFIED) {
            generations.put(key, generation(router));
        }
    }

    private static long generation(HasMetadata object) {
        Long generation = object.getMetadata().getGeneration();
        return generation == null ? 0 : generation;
    }

    private static <T extends HasMetadata> Watcher<T> counting(AtomicLong counter) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T resource) {
                counter.incrementAndGet();
            }

            @Override
            public void onClose(WatcherException cause) {
            }
        };
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
    }
}
