package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.apply.TreeRequests;
import ai.vllm.semanticrouter.operator.discovery.ResourceUrl;
import ai.vllm.semanticrouter.operator.discovery.ServedApis;
import ai.vllm.semanticrouter.operator.functions.ClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;

/**
 * The live {@link ClusterView}: the caches of the watched kinds ({@link TreeInformer}) plus the latest API discovery.
 * Kinds whose API is not served are not watched until a later discovery shows them.
 */
public final class InformerClusterView implements ClusterView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InformerClusterView.class);

    private final KubernetesClient client;
    private final String namespace;
    private final ObjectChangeListener listener;
    private final ObjectMapper mapper = JsonMapper.builder().build();
    /** Retries, resyncs: short tasks; the lists and watches themselves run on the HTTP client's threads. */
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "cluster-view");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Kind, TreeInformer> informers = new ConcurrentHashMap<>();
    private final List<TreeInformer> metadataWatches = new CopyOnWriteArrayList<>();
    private final Set<Kind> unfiltered = ConcurrentHashMap.newKeySet();
    private volatile ServedApis apis = new ServedApis(java.util.Set.of(), Map.of());

    /** @param namespace the only namespace to watch, or null for all */
    public InformerClusterView(KubernetesClient client, String namespace, ObjectChangeListener listener) {
        this.client = client;
        this.namespace = namespace;
        this.listener = listener;
    }

    public void useApis(ServedApis discovered) {
        this.apis = discovered;
    }

    public ServedApis apis() {
        return apis;
    }

    /**
     * Starts an informer for the kind if its API is served and it is not watched yet.
     * @param labelSelector e.g. the managed-by selector, or null for every object
     * @return whether an informer was started
     */
    public synchronized boolean watch(Kind kind, String labelSelector, long resyncMillis) {
        Optional<ResourceDefinitionContext> resource = apis.resource(kind);
        if (informers.containsKey(kind) || resource.isEmpty()) {
            return false;
        }
        TreeInformer informer = new TreeInformer(kind, client.getHttpClient(),
                ResourceUrl.collection(client.getMasterUrl(), resource.get(), namespace), labelSelector, false, mapper,
                scheduler, listener, resyncMillis);
        informers.put(kind, informer);
        if (labelSelector == null) {
            unfiltered.add(kind);
        }
        informer.start();
        LOG.info("Watching {} selector={}", kind, labelSelector == null ? "<all>" : labelSelector);
        return true;
    }

    /**
     * Calls {@code changed} after every change of an object of the kind (cluster-wide), watching only
     * the objects' metadata: for CustomResourceDefinitions, whose schemas can weigh megabytes and
     * whose content the operator does not read. Not part of {@link #synced()}.
     *
     * @throws KubernetesClientException when the kind is not served or its list is refused (e.g. by RBAC)
     */
    public synchronized void onMetadataChanges(Kind kind, Runnable changed) {
        ResourceDefinitionContext resource = apis.resource(kind)
                .orElseThrow(() -> new KubernetesClientException(kind + " is not served"));
        String collection = ResourceUrl.collection(client.getMasterUrl(), resource, null);
        probeList(collection);
        TreeInformer informer = new TreeInformer(kind, client.getHttpClient(), collection, null, true, mapper, scheduler,
                (k, before, after) -> changed.run(), 0);
        metadataWatches.add(informer);
        informer.start();
    }

    /** One object's list, to learn whether listing is allowed before watching (a refused watch would retry forever). */
    private void probeList(String collection) {
        new TreeRequests(client).get(collection + "?limit=1",
                "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json");
    }

    public boolean synced() {
        return informers.values().stream().allMatch(TreeInformer::synced);
    }

    public boolean watches(Kind kind) {
        return informers.containsKey(kind);
    }

    @Override
    public boolean servesGroup(String group) {
        return apis.servesGroup(group);
    }

    @Override
    public boolean servesKind(String apiVersion, String kind) {
        return apis.serves(new Kind(apiVersion, kind));
    }

    @Override
    public Optional<ObjectNode> get(String apiVersion, String kind, String objectNamespace, String name) {
        TreeInformer informer = informers.get(new Kind(apiVersion, kind));
        if (informer == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(informer.cache().get(TreeCache.key(objectNamespace, name))).map(ObjectNode::deepCopy);
    }

    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String objectNamespace) {
        return list(apiVersion, kind, objectNamespace, object -> true);
    }

    /** Only the matching objects are sorted and copied: a reconcile's inventory takes its own few of a namespace. */
    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String objectNamespace, Predicate<JsonNode> filter) {
        return sortedCopies(readOnlyList(apiVersion, kind, objectNamespace).stream().filter(filter));
    }

    /** From the cache's index of the instance label when that is the label asked for. */
    @Override
    public List<ObjectNode> listLabelled(String apiVersion, String kind, String objectNamespace, String label, String value,
                                         Predicate<JsonNode> filter) {
        TreeInformer informer = informers.get(new Kind(apiVersion, kind));
        if (informer == null || objectNamespace == null || !Ownership.INSTANCE_LABEL.equals(label)) {
            return ClusterView.super.listLabelled(apiVersion, kind, objectNamespace, label, value, filter);
        }
        return sortedCopies(informer.cache().labelled(objectNamespace, value).stream().filter(filter));
    }

    private static List<ObjectNode> sortedCopies(java.util.stream.Stream<ObjectNode> objects) {
        return objects.map(Listed::of).sorted().map(listed -> listed.object().deepCopy()).toList();
    }

    /** An object with its sort keys read once (a comparator reading them would do so on every comparison). */
    private record Listed(String namespace, String name, ObjectNode object) implements Comparable<Listed> {
        static Listed of(ObjectNode object) {
            JsonNode metadata = object.path("metadata");
            return new Listed(metadata.path("namespace").asText(""), metadata.path("name").asText(), object);
        }

        @Override
        public int compareTo(Listed other) {
            int byNamespace = namespace.compareTo(other.namespace);
            return byNamespace != 0 ? byNamespace : name.compareTo(other.name);
        }
    }

    /**
     * Like {@link #list}, but the cache's own objects, not copies, in no particular order: for callers
     * that only read them (event triggers, metrics), which must never change them.
     */
    public List<ObjectNode> readOnlyList(String apiVersion, String kind, String objectNamespace) {
        TreeInformer informer = informers.get(new Kind(apiVersion, kind));
        if (informer == null) {
            return List.of();
        }
        Collection<ObjectNode> objects = objectNamespace == null ? informer.cache().all()
                : informer.cache().inNamespace(objectNamespace);
        return List.copyOf(objects);
    }

    /**
     * A kind watched without a label selector whose cache has synced, in the watched namespace (or
     * any): before the first list completes an absent object may well exist.
     */
    @Override
    public boolean sees(String apiVersion, String kind, String objectNamespace) {
        Kind watched = new Kind(apiVersion, kind);
        TreeInformer informer = informers.get(watched);
        return informer != null && unfiltered.contains(watched) && informer.synced()
                && (namespace == null || namespace.equals(objectNamespace));
    }

    @Override
    public synchronized void close() {
        informers.values().forEach(TreeInformer::close);
        informers.clear();
        metadataWatches.forEach(TreeInformer::close);
        metadataWatches.clear();
        unfiltered.clear();
        scheduler.shutdownNow();
    }
}
