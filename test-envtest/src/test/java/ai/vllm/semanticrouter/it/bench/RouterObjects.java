package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The newest version of every SemanticRouter, managed Deployment and config ConfigMap, kept from
 * three watches (each starts with the objects that exist, then every change): a wait on many
 * routers reads memory instead of asking the API server again on every poll.
 */
final class RouterObjects implements AutoCloseable {
    private static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    private static final String OPERATOR = "semantic-router-operator";

    private final Map<String, GenericKubernetesResource> routers = new ConcurrentHashMap<>();
    private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
    private final Map<String, ConfigMap> configs = new ConcurrentHashMap<>();
    private final List<Watch> watches = new ArrayList<>();

    RouterObjects(KubernetesClient client) {
        watches.add(client.genericKubernetesResources(Routers.CONTEXT).inAnyNamespace().watch(keeping(routers)));
        watches.add(client.apps().deployments().inAnyNamespace().withLabel(MANAGED_BY, OPERATOR).watch(keeping(deployments)));
        watches.add(client.configMaps().inAnyNamespace().withLabel(MANAGED_BY, OPERATOR)
                .withLabel("app.kubernetes.io/component", "config").watch(keeping(configs)));
    }

    RouterState state(BenchRouters.Ref router) {
        return new RouterState(routers.get(ReconcileClock.key(router.namespace(), router.name())),
                deployments.get(ReconcileClock.key(router.namespace(), router.name())),
                configs.get(ReconcileClock.key(router.namespace(), router.name() + "-config")));
    }

    /** How many of the routers are in a state that passes the test. */
    int count(List<BenchRouters.Ref> refs, Predicate<BenchRouters.Ref> test) {
        return (int) refs.stream().filter(test).count();
    }

    /** The state of every router once the watches have delivered all of them, CR, Deployment and ConfigMap. */
    Map<BenchRouters.Ref, RouterState> awaitComplete(List<BenchRouters.Ref> refs, long timeoutSeconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (count(refs, r -> state(r).complete()) < refs.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the watches delivered " + count(refs, r -> state(r).complete()) + " of "
                        + refs.size() + " routers with their Deployment and config ConfigMap in " + timeoutSeconds + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        Map<BenchRouters.Ref, RouterState> states = new LinkedHashMap<>();
        refs.forEach(r -> states.put(r, state(r)));
        return states;
    }

    private static <T extends HasMetadata> Watcher<T> keeping(Map<String, T> latest) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, T object) {
                String key = ReconcileClock.key(object.getMetadata().getNamespace(), object.getMetadata().getName());
                if (action == Action.DELETED) {
                    latest.remove(key);
                } else if (action == Action.ADDED || action == Action.MODIFIED) {
                    latest.put(key, object);
                }
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
