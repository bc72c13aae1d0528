package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Pod Security Admission "restricted" accepts every rendered pod; no Secret value leaks into a ConfigMap. */
class SecurityIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    static Stream<String> samples() {
        return Routers.SAMPLES.stream();
    }

    @ParameterizedTest(name = "restricted pods: sample {0}")
    @MethodSource("samples")
    void everyRenderedPodPassesTheRestrictedProfile(String sample) {
        String namespace = restrictedNamespace("psa-" + sample);
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample(sample, namespace));
        String name = router.getMetadata().getName();
        routers.awaitReconciled(namespace, name);
        Deployment deployment = CLIENT.apps().deployments().inNamespace(namespace).withName(name).get();

        Pod pod = new PodBuilder().withNewMetadata().withName(name + "-psa-probe")
                .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec()).build();
        assertThatCode(() -> CLIENT.pods().inNamespace(namespace).resource(pod).dryRun().create())
                .as("pod of sample %s under pod-security.kubernetes.io/enforce=restricted", sample)
                .doesNotThrowAnyException();
    }

    @Test
    void secretValuesNeverReachAConfigMap() {
        String namespace = API.newNamespace("secrets");
        String secretValue = "hf_s3cr3t_" + System.nanoTime();
        CLIENT.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("hf-token-secret")
                .endMetadata().withStringData(Map.of("token", secretValue)).build()).create();
        GenericKubernetesResource router = routers.sample("simple", namespace);
        withSpec(router, "env", List.of(Map.of("name", "HF_TOKEN",
                "valueFrom", Map.of("secretKeyRef", Map.of("name", "hf-token-secret", "key", "token")))));
        routers.createWithPrerequisites(router);
        routers.awaitReconciled(namespace, router.getMetadata().getName());

        for (ConfigMap map : CLIENT.configMaps().inNamespace(namespace).list().getItems()) {
            assertThat(String.valueOf(map.getData())).as("ConfigMap " + map.getMetadata().getName())
                    .doesNotContain(secretValue);
        }
    }

    /** A cache password from a Secret reaches the router as an env var; its value is in no object the operator writes. */
    @Test
    void aCachePasswordFromASecretIsReferencedNeverCopied() {
        String namespace = API.newNamespace("cache-secret");
        String password = "r3d1s_" + System.nanoTime();
        CLIENT.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("redis-auth")
                .endMetadata().withStringData(Map.of("password", password)).build()).create();
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("redis-cache", namespace));
        String name = router.getMetadata().getName();
        routers.awaitReconciled(namespace, name);

        ConfigMap config = CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get();
        assertThat(config.getData().get("config.yaml")).contains("password: \"${SR_CACHE_REDIS_PASSWORD}\"");
        Deployment deployment = CLIENT.apps().deployments().inNamespace(namespace).withName(name).get();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv())
                .anySatisfy(env -> {
                    assertThat(env.getName()).isEqualTo("SR_CACHE_REDIS_PASSWORD");
                    assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo("redis-auth");
                    assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
                });
        List<Object> written = new java.util.ArrayList<>(CLIENT.configMaps().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.apps().deployments().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.services().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.v1().events().inNamespace(namespace).list().getItems());
        written.add(routers.get(namespace, name));
        for (Object object : written) {
            assertThat(io.fabric8.kubernetes.client.utils.Serialization.asJson(object)).doesNotContain(password);
        }
    }

    private String restrictedNamespace(String prefix) {
        String namespace = API.newNamespace(prefix);
        CLIENT.namespaces().withName(namespace).edit(ns -> new NamespaceBuilder(ns).editMetadata()
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .addToLabels("pod-security.kubernetes.io/warn", "restricted").endMetadata().build());
        return namespace;
    }

    @SuppressWarnings("unchecked")
    private static void withSpec(GenericKubernetesResource router, String field, Object value) {
        ((Map<String, Object>) router.getAdditionalProperties().get("spec")).put(field, value);
    }

}
