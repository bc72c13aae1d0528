package ai.vllm.semanticrouter.operator.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

/**
 * An informer store that keeps objects without {@code metadata.managedFields}: server-side apply
 * records there, per field manager, a tree as large as the fields it manages, and nothing in the
 * operator reads it from the cache (drift is judged on the fields themselves and the applied-hash
 * annotation). It is most of a cached Deployment's size after the spec.
 */
final class LeanItemStore extends BasicItemStore<GenericKubernetesResource> {

    LeanItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public GenericKubernetesResource put(String key, GenericKubernetesResource object) {
        if (object.getMetadata() != null) {
            object.getMetadata().setManagedFields(null);
        }
        return super.put(key, object);
    }
}
