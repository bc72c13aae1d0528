package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The router pod as the API server stores it: default probes that fit the router's start-up and the
 * CR's own fields winning, the Hugging Face token as a secretKeyRef whose value is in no object, the
 * air-gapped mode that checks the pre-filled volume and never downloads, and a ReadWriteOnce models
 * volume under several pods reported until it is fixed.
 */
class RouterPodIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    @Test
    void defaultProbesFitTheRouterAndTheCrsFieldsWin() {
        String namespace = API.newNamespace("probes");
        String name = routers.createWithPrerequisites(routers.sample("simple", namespace)).getMetadata().getName();
        routers.awaitReconciled(namespace, name);
        Container router = pod(namespace, name).getContainers().get(0);
        assertThat(router.getStartupProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(50051);
        assertThat(router.getStartupProbe().getFailureThreshold() * router.getStartupProbe().getPeriodSeconds())
                .as("seconds for a model download and load").isEqualTo(3600);
        assertThat(router.getReadinessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(50051);
        assertThat(router.getLivenessProbe().getTcpSocket().getPort().getIntVal()).isEqualTo(50051);
        assertThat(router.getVolumeMounts()).extracting(m -> m.getMountPath() + ":" + m.getSubPath())
                .as("config files one by one: the image's /app/config/knowledge_bases stays")
                .contains("/app/config/config.yaml:config.yaml", "/app/config/tools_db.json:tools_db.json", "/tmp:tmp")
                .doesNotContain("/app/config:null");

        // Ready follows the pods' readiness, which is the router serving on 50051
        routers.simulateReadyReplicas(namespace, name, 1, 0);
        await("Ready=False while the router does not serve").atMost(TIMEOUT).untilAsserted(() ->
                assertThat(condition(routers.get(namespace, name), "Ready")).containsEntry("status", "False"));
        routers.simulateReadyReplicas(namespace, name, 1, 1);
        await("Ready=True once it serves").atMost(TIMEOUT).untilAsserted(() ->
                assertThat(condition(routers.get(namespace, name), "Ready")).containsEntry("status", "True"));

        patchSpec(namespace, name, "{\"spec\":{\"startupProbe\":{\"enabled\":false},"
                + "\"readinessProbe\":{\"periodSeconds\":7}}}");
        await("the CR's probe fields applied").atMost(TIMEOUT).untilAsserted(() -> {
            Container c = pod(namespace, name).getContainers().get(0);
            assertThat(c.getStartupProbe()).isNull();
            assertThat(c.getLivenessProbe()).as("no default liveness probe without a startup probe").isNull();
            assertThat(c.getReadinessProbe().getPeriodSeconds()).isEqualTo(7);
            assertThat(c.getReadinessProbe().getFailureThreshold()).isEqualTo(3);
        });
    }

    @Test
    void theHuggingFaceTokenIsASecretKeyRefAndItsValueIsInNoObject() {
        String namespace = API.newNamespace("hf-token");
        String token = "hf_" + System.nanoTime();
        CLIENT.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName("hf-token")
                .endMetadata().withStringData(Map.of("token", token)).build()).create();
        GenericKubernetesResource router = routers.sample("simple", namespace);
        spec(router).put("models", Map.of("huggingFace", Map.of("endpoint", "https://hf-mirror.example.com",
                "tokenSecretRef", Map.of("name", "hf-token"))));
        String name = routers.createWithPrerequisites(router).getMetadata().getName();
        routers.awaitReconciled(namespace, name);

        PodSpec pod = pod(namespace, name);
        Container download = pod.getInitContainers().get(0);
        assertThat(download.getName()).isEqualTo("model-download");
        assertThat(download.getImage()).isEqualTo(pod.getContainers().get(0).getImage());
        for (Container c : List.of(pod.getContainers().get(0), download)) {
            EnvVar hfToken = env(c, "HF_TOKEN");
            assertThat(hfToken.getValue()).isNull();
            assertThat(hfToken.getValueFrom().getSecretKeyRef().getName()).isEqualTo("hf-token");
            assertThat(hfToken.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("token");
            assertThat(env(c, "HF_ENDPOINT").getValue()).isEqualTo("https://hf-mirror.example.com");
            assertThat(env(c, "HF_HOME").getValue()).isEqualTo("/.cache/huggingface");
            assertThat(env(c, "HOME").getValue()).isEqualTo("/.cache");
        }
        assertThat(String.join("\n", download.getArgs())).startsWith("set -e\n/app/entrypoint.sh --download-only\n")
                .contains("HF_HUB_OFFLINE=1");

        List<Object> written = new ArrayList<>(CLIENT.configMaps().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.apps().deployments().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.services().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.persistentVolumeClaims().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.serviceAccounts().inNamespace(namespace).list().getItems());
        written.addAll(CLIENT.v1().events().inNamespace(namespace).list().getItems());
        written.add(routers.get(namespace, name));
        assertThat(written).hasSizeGreaterThan(5);
        for (Object object : written) {
            assertThat(Serialization.asJson(object)).doesNotContain(token);
        }
    }

    @Test
    void airGappedModeChecksThePreFilledVolumeAndNeverDownloads() {
        String namespace = API.newNamespace("air-gapped");
        GenericKubernetesResource router = routers.sample("simple", namespace);
        spec(router).put("persistence", Map.of("existingClaim", "prefilled-models"));
        spec(router).put("models", Map.of("source", "PreFilled"));
        String name = routers.createWithPrerequisites(router).getMetadata().getName();
        routers.awaitReconciled(namespace, name);

        PodSpec pod = pod(namespace, name);
        Container check = pod.getInitContainers().get(0);
        assertThat(check.getArgs()).containsExactly("exec env HF_HUB_OFFLINE=1 HF_ENDPOINT=http://127.0.0.1:9"
                + " HF_TOKEN=offline-check /app/entrypoint.sh --download-only");
        for (Container c : List.of(pod.getContainers().get(0), check)) {
            assertThat(env(c, "HF_HUB_OFFLINE").getValue()).isEqualTo("1");
            assertThat(c.getEnv()).extracting(EnvVar::getName).doesNotContain("HF_TOKEN", "HF_ENDPOINT");
        }
        assertThat(pod.getVolumes()).anySatisfy(v -> {
            assertThat(v.getName()).isEqualTo("models-volume");
            assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("prefilled-models");
        });
        assertThat(CLIENT.persistentVolumeClaims().inNamespace(namespace).list().getItems()).isEmpty();
    }

    @Test
    void severalPodsOnAReadWriteOnceModelVolumeAreReportedUntilFixed() {
        String namespace = API.newNamespace("rwo-replicas");
        GenericKubernetesResource router = routers.sample("simple", namespace);
        spec(router).put("replicas", 3);
        String name = routers.createWithPrerequisites(router).getMetadata().getName();

        await("StorageReady=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "StorageReady"))
                .containsEntry("status", "False").containsEntry("reason", "ModelVolumeNotShared"));
        GenericKubernetesResource reported = routers.get(namespace, name);
        assertThat(String.valueOf(condition(reported, "StorageReady").get("message")))
                .contains("spec.replicas is 3", "ReadWriteOnce", "Multi-Attach", "ReadWriteMany", "spec.persistence.enabled: false");
        assertThat(condition(reported, "Stalled")).containsEntry("status", "True").containsEntry("reason", "ModelVolumeNotShared");
        assertThat(condition(reported, "Ready")).containsEntry("status", "False");
        assertThat(CLIENT.apps().deployments().inNamespace(namespace).withName(name).get().getSpec().getReplicas())
                .as("applied anyway: pods on one node can share the volume").isEqualTo(3);
        await("one Warning event").atMost(TIMEOUT).until(() -> CLIENT.v1().events().inNamespace(namespace).list()
                .getItems().stream().anyMatch(e -> "ModelVolumeNotShared".equals(e.getReason()) && "Warning".equals(e.getType())));

        patchSpec(namespace, name, "{\"spec\":{\"persistence\":{\"accessMode\":\"ReadWriteMany\"}}}");
        await("StorageReady=True once the volume is shareable").atMost(TIMEOUT).untilAsserted(() -> {
            GenericKubernetesResource fixed = routers.get(namespace, name);
            assertThat(condition(fixed, "StorageReady")).containsEntry("status", "True");
            assertThat(condition(fixed, "Stalled")).containsEntry("status", "False");
        });
    }

    private static PodSpec pod(String namespace, String name) {
        Deployment deployment = CLIENT.apps().deployments().inNamespace(namespace).withName(name).get();
        return deployment.getSpec().getTemplate().getSpec();
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no env " + name));
    }

    private static void patchSpec(String namespace, String name, String mergePatch) {
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource router) {
        return (Map<String, Object>) router.getAdditionalProperties().get("spec");
    }
}
