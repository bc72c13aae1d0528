package ai.vllm.semanticrouter.it.bench;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts writes to the objects the operator manages, as the API server reports them (one watch
 * event per create, update or delete). Nothing else writes them on a bare API server: there is no
 * controller manager, scheduler or kubelet.
 */
final class WriteCounter implements AutoCloseable {
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong statusWrites = new AtomicLong();
    private final List<Watch> watches = new ArrayList<>();

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
                        if (action == Action.MODIFIED) {
                            statusWrites.incrementAndGet();
                        }
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                }));
    }

    long objectWrites() {
        return writes.get();
    }

    /** CR modifications: status writes by the operator (the benchmark never updates a CR). */
    long statusWrites() {
        return statusWrites.get();
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
