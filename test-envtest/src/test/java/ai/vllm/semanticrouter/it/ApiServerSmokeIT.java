package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The test infrastructure itself: a real API server that stores, serves and validates objects. */
class ApiServerSmokeIT {
    private final ApiServer apiServer = ApiServer.shared();
    private final KubernetesClient client = apiServer.client();

    @Test
    void servesItsPinnedVersion() {
        VersionInfo version = client.getKubernetesVersion();
        System.out.println("[smoke] kube-apiserver version " + version.getGitVersion()
                + " (kubeconfig " + apiServer.server().kubeConfigFile() + ")");
        assertThat(version.getGitVersion()).isEqualTo("v" + apiServer.server().kubernetesVersion());
    }

    @Test
    void storesNamespacesAndConfigMaps() {
        String namespace = apiServer.newNamespace("smoke");
        client.configMaps().inNamespace(namespace).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("greeting").endMetadata()
                .withData(Map.of("hello", "world")).build()).create();

        ConfigMap read = client.configMaps().inNamespace(namespace).withName("greeting").get();
        assertThat(client.namespaces().withName(namespace).get()).isNotNull();
        assertThat(read.getData()).containsEntry("hello", "world");
    }

    @Test
    void servesCustomResourcesOfAnAppliedCrd() {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions()
                .load(getClass().getResourceAsStream("/smoke/widgets-crd.yaml")).item();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        await().atMost(Duration.ofSeconds(30)).until(() -> Manifests.established(client, crd.getMetadata().getName()));

        String namespace = apiServer.newNamespace("smoke-crd");
        ResourceDefinitionContext widgets = new ResourceDefinitionContext.Builder()
                .withGroup("smoke.example.com").withVersion("v1").withPlural("widgets").withKind("Widget")
                .withNamespaced(true).build();
        GenericKubernetesResource widget = new GenericKubernetesResource();
        widget.setApiVersion("smoke.example.com/v1");
        widget.setKind("Widget");
        widget.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("w1").build());
        widget.setAdditionalProperty("spec", Map.of("size", 3));
        client.genericKubernetesResources(widgets).inNamespace(namespace).resource(widget).create();

        GenericKubernetesResource read = client.genericKubernetesResources(widgets).inNamespace(namespace)
                .withName("w1").get();
        assertThat(read.<Integer>get("spec", "size")).isEqualTo(3);
    }
}
