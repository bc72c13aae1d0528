package ai.vllm.semanticrouter.operator.watch;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached objects keep everything but the server-side-apply bookkeeping, converted to JSON once. */
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
        deployment.setAdditionalProperty("spec", Map.of("replicas", 2));
        LeanItemStore store = new LeanItemStore(new KubernetesSerialization());

        store.put(store.getKey(deployment), deployment);

        GenericKubernetesResource cached = store.get("team/router");
        assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
        assertThat(cached.getMetadata().getResourceVersion()).isEqualTo("7");
        assertThat(cached.getMetadata().getAnnotations()).containsEntry("semanticrouter.vllm.ai/applied-hash", "abc");
        var json = ((LeanItemStore.Cached) cached).json();
        assertThat(json.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(json.path("metadata").path("resourceVersion").asText()).isEqualTo("7");
        assertThat(json.path("metadata").has("managedFields")).isFalse();
        assertThat(json.path("kind").asText()).isEqualTo("Deployment");
    }

    @Test
    void keepsAnObjectAlreadyCachedAsItIs() {
        GenericKubernetesResource service = new GenericKubernetesResource();
        service.setApiVersion("v1");
        service.setKind("Service");
        service.setMetadata(new ObjectMetaBuilder().withNamespace("team").withName("router").withResourceVersion("3").build());
        LeanItemStore store = new LeanItemStore(new KubernetesSerialization());
        store.put("team/router", service);
        GenericKubernetesResource cached = store.get("team/router");

        store.put("team/router", cached);

        assertThat(store.get("team/router")).isSameAs(cached);
    }
}
