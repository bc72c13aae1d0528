package ai.vllm.semanticrouter.it.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Counts writes the API server makes visible in one namespace: a watch per kind, started at the
 * resourceVersion of a fresh list, so every create, update, status write or delete from then on is
 * an event (nothing is missed between two polls, and a write that is undone is still counted).
 * A watch that closes with an error is recorded too, so a lost watch cannot pass as "no writes".
 */
public final class WriteRecorder implements AutoCloseable {
    /** The kinds the operator manages plus the SemanticRouter itself and the Events it emits. */
    public static final List<ResourceDefinitionContext> OPERATOR_KINDS = List.of(
            context("apps", "v1", "Deployment", "deployments"),
            context("", "v1", "Service", "services"),
            context("", "v1", "ConfigMap", "configmaps"),
            context("", "v1", "ServiceAccount", "serviceaccounts"),
            context("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims"),
            context("", "v1", "Event", "events"),
            context("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers"),
            context("networking.k8s.io", "v1", "Ingress", "ingresses"),
            context("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets"),
            Routers.CONTEXT);

    private final List<String> writes = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new ArrayList<>();

    private WriteRecorder() {
    }

    /** Starts recording every write to objects of {@code kinds} in {@code namespace}. */
    public static WriteRecorder start(KubernetesClient client, String namespace, List<ResourceDefinitionContext> kinds) {
        WriteRecorder recorder = new WriteRecorder();
        for (ResourceDefinitionContext kind : kinds) {
            var objects = client.genericKubernetesResources(kind).inNamespace(namespace);
            String listVersion = objects.list().getMetadata().getResourceVersion();
            recorder.watches.add(objects.watch(new ListOptionsBuilder().withResourceVersion(listVersion).build(),
                    recorder.watcher(kind.getKind())));
        }
        return recorder;
    }

    /** Every write seen so far, as {@code ACTION Kind/name rv=... by=<latest field manager>}. */
    public List<String> writes() {
        return List.copyOf(writes);
    }

    /** Until two looks 2 s apart see the same number of writes (the last reconciles' writes are over). */
    public void awaitSettled() {
        AtomicInteger seen = new AtomicInteger(-1);
        await("no write for 2 s").atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                .until(() -> seen.getAndSet(writes.size()) == writes.size());
    }

    /** Fails, listing what was written, unless nothing is written for {@code quiet}. */
    public void assertNoWritesFor(Duration quiet) {
        int before = writes.size();
        try {
            await("no write for " + quiet.getSeconds() + " s").during(quiet).atMost(quiet.plusSeconds(5))
                    .pollInterval(Duration.ofMillis(250)).until(() -> writes.size() == before);
        } catch (ConditionTimeoutException e) {
            // reported below, with what was written
        }
        assertNoWritesSince(before, "writes during " + quiet.getSeconds() + " s of quiet");
    }

    /** Fails, listing them, if anything was written after the first {@code count} writes. */
    public void assertNoWritesSince(int count, String description) {
        List<String> all = writes();
        assertThat(all.subList(count, all.size())).as(description).isEmpty();
    }

    @Override
    public void close() {
        watches.forEach(Watch::close);
    }

    private Watcher<GenericKubernetesResource> watcher(String kind) {
        return new Watcher<>() {
            @Override
            public void eventReceived(Action action, GenericKubernetesResource resource) {
                if (action != Action.BOOKMARK) {
                    writes.add(action + " " + kind + "/" + resource.getMetadata().getName()
                            + " rv=" + resource.getMetadata().getResourceVersion() + " by=" + latestManager(resource));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                writes.add("WATCH-LOST " + kind + ": " + cause.getMessage());
            }
        };
    }

    private static String latestManager(GenericKubernetesResource resource) {
        List<ManagedFieldsEntry> entries = resource.getMetadata().getManagedFields();
        if (entries == null || entries.isEmpty()) {
            return "?";
        }
        return entries.stream().filter(e -> e.getTime() != null).max(Comparator.comparing(ManagedFieldsEntry::getTime))
                .map(e -> e.getManager() + "/" + e.getOperation() + (e.getSubresource() == null ? "" : "/" + e.getSubresource()))
                .orElse("?");
    }

    private static ResourceDefinitionContext context(String group, String version, String kind, String plural) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(true).build();
    }
}
