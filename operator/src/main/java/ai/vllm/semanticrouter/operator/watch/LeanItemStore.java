package ai.vllm.semanticrouter.operator.watch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * An informer store that keeps each object once, as the JSON tree the operator reads, converted when
 * the watch delivers it instead of on every read: a reconcile lists the CR's namespace for each
 * produced kind, and a Service event looks through every CR (the profile in bench/README.md). What
 * the informer itself reads of a cached object (kind, metadata) stays in a {@link Cached} beside the
 * tree; the object's other fields live only in the tree.
 *
 * <p>Objects are kept without {@code metadata.managedFields}: server-side apply records there, per
 * field manager, a tree as large as the fields it manages, and nothing in the operator reads it from
 * the cache (drift is judged on the fields themselves and the applied-hash annotation).
 */
final class LeanItemStore extends BasicItemStore<GenericKubernetesResource> {
    private final KubernetesSerialization serialization;

    LeanItemStore(KubernetesSerialization serialization) {
        super(Cache::metaNamespaceKeyFunc);
        this.serialization = serialization;
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        return super.put(key, object instanceof Cached ? object : new Cached(object, serialization));
    }

    /** A cached object: kind and metadata for the informer, and the whole object as a tree, shared: never change it. */
    static final class Cached extends GenericKubernetesResource {
        private final transient ObjectNode json;

        Cached(GenericKubernetesResource object, KubernetesSerialization serialization) {
            if (object.getMetadata() != null) {
                object.getMetadata().setManagedFields(null);
            }
            setApiVersion(object.getApiVersion());
            setKind(object.getKind());
            setMetadata(object.getMetadata());
            this.json = serialization.convertValue(object, ObjectNode.class);
        }

        ObjectNode json() {
            return json;
        }
    }
}
