package ai.vllm.semanticrouter.operator.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached objects keep everything but the server-side-apply bookkeeping. */
class LeanItemStoreTest {

    @Test
    void storesObjectsWithoutManagedFieldsUnderTheirNamespaceKey() {
        GenericKubernetesResource deployment = new GenericKubernetesResource();
        deployment.setApiVersion("apps/v1");
        deployment.setKind("Deployment");
        deployment.setMetadata(new ObjectMetaBuilder().withNamespace("team").withName("router").withResourceVersion("7")
                .addToAnnotations("semanticrouter.vllm.ai/applied-hash", "abc")
                .withManagedFields(new ManagedFieldsEntryBuilder().withManager("semantic-router-operator")
                        .withOperation("Apply").build())
                .build());
        LeanItemStore store = new LeanItemStore();

        store.put(store.getKey(deployment), deployment);

        GenericKubernetesResource cached = store.get("team/router");
        assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(cached.getMetadata().getAnnotations()).containsEntry("semanticrouter.vllm.ai/applied-hash", "abc");
    }
}
