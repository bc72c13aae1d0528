package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.discovery.ServedApis;
import ai.vllm.semanticrouter.operator.functions.ClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live {@link ClusterView}: informer caches of the watched kinds plus the latest API discovery.
 * Kinds whose API is not served are not watched until a later discovery shows them.
 */
public final class InformerClusterView implements ClusterView, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(InformerClusterView.class);

    private final KubernetesClient client;
    private final String namespace;
    private final ObjectChangeListener listener;
    private final KubernetesSerialization serialization;
    private final Map<Kind, SharedIndexInformer<GenericKubernetesResource>> informers = new ConcurrentHashMap<>();
    private final Set<Kind> unfiltered = ConcurrentHashMap.newKeySet();
    private volatile ServedApis apis = new ServedApis(java.util.Set.of(), Map.of());

    /** @param namespace the only namespace to watch, or null for all */
    public InformerClusterView(KubernetesClient client, String namespace, ObjectChangeListener listener) {
        this.client = client;
        this.namespace = namespace;
        this.listener = listener;
        this.serialization = client.getKubernetesSerialization();
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
        var operation = client.genericKubernetesResources(resource.get());
        var scoped = namespace != null && resource.get().isNamespaceScoped()
                ? operation.inNamespace(namespace) : operation.inAnyNamespace();
        var filtered = labelSelector == null ? scoped : scoped.withLabelSelector(labelSelector);
        SharedIndexInformer<GenericKubernetesResource> informer = filtered.runnableInformer(resyncMillis)
                .itemStore(new LeanItemStore(serialization));
        informer.addEventHandler(handler(kind));
        informers.put(kind, informer);
        if (labelSelector == null) {
            unfiltered.add(kind);
        }
        informer.start();
        LOG.info("Watching {} selector={}", kind, labelSelector == null ? "<all>" : labelSelector);
        return true;
    }

    public boolean synced() {
        return informers.values().stream().allMatch(SharedIndexInformer::hasSynced);
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
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(new Kind(apiVersion, kind));
        if (informer == null) {
            return Optional.empty();
        }
        String key = objectNamespace == null || objectNamespace.isEmpty() ? name : objectNamespace + "/" + name;
        return Optional.ofNullable(informer.getStore().getByKey(key)).map(this::toJson);
    }

    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String objectNamespace) {
        return list(apiVersion, kind, objectNamespace, object -> true);
    }

    /** Only the matching objects are sorted and copied: a reconcile's inventory takes its own few of a namespace. */
    @Override
    public List<ObjectNode> list(String apiVersion, String kind, String objectNamespace, Predicate<JsonNode> filter) {
        return readOnlyList(apiVersion, kind, objectNamespace).stream().filter(filter).map(Listed::of).sorted()
                .map(listed -> listed.object().deepCopy()).toList();
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
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(new Kind(apiVersion, kind));
        if (informer == null) {
            return List.of();
        }
        List<GenericKubernetesResource> items = objectNamespace == null ? informer.getStore().list()
                : informer.getIndexer().byIndex(Cache.NAMESPACE_INDEX, objectNamespace);
        return items.stream().map(this::readOnly).toList();
    }

    /**
     * A kind watched without a label selector whose cache has synced, in the watched namespace (or
     * any): before the first list completes an absent object may well exist.
     */
    @Override
    public boolean sees(String apiVersion, String kind, String objectNamespace) {
        Kind watched = new Kind(apiVersion, kind);
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(watched);
        return informer != null && unfiltered.contains(watched) && informer.hasSynced()
                && (namespace == null || namespace.equals(objectNamespace));
    }

    @Override
    public synchronized void close() {
        informers.values().forEach(SharedIndexInformer::close);
        informers.clear();
        unfiltered.clear();
    }

    private ObjectNode toJson(GenericKubernetesResource resource) {
        return readOnly(resource).deepCopy();
    }

    /** The cached tree of a cached object; any other object converted. */
    private ObjectNode readOnly(GenericKubernetesResource resource) {
        return resource instanceof LeanItemStore.Cached cached ? cached.json()
                : serialization.convertValue(resource, ObjectNode.class);
    }

    /**
     * The tree of an object a watch event delivered: the cache's own when it holds this version
     * still (it converted the object when storing it), otherwise converted here.
     */
    private ObjectNode delivered(Kind kind, GenericKubernetesResource resource) {
        SharedIndexInformer<GenericKubernetesResource> informer = informers.get(kind);
        if (informer != null && !(resource instanceof LeanItemStore.Cached) && resource.getMetadata() != null) {
            GenericKubernetesResource cached = informer.getStore().getByKey(Cache.metaNamespaceKeyFunc(resource));
            if (cached instanceof LeanItemStore.Cached && cached.getMetadata() != null
                    && resource.getMetadata().getResourceVersion() != null
                    && resource.getMetadata().getResourceVersion().equals(cached.getMetadata().getResourceVersion())) {
                return readOnly(cached);
            }
        }
        return readOnly(resource);
    }

    private ResourceEventHandler<GenericKubernetesResource> handler(Kind kind) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(GenericKubernetesResource obj) {
                listener.changed(kind, null, delivered(kind, obj));
            }

            @Override
            public void onUpdate(GenericKubernetesResource before, GenericKubernetesResource after) {
                listener.changed(kind, delivered(kind, before), delivered(kind, after));
            }

            @Override
            public void onDelete(GenericKubernetesResource obj, boolean finalStateUnknown) {
                listener.changed(kind, delivered(kind, obj), null);
            }
        };
    }
}
