package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The features the CR turns on act on a running router: turning the prompt guard off and on again
 * changes the config.yaml (jailbreak signal and blocking decision), rolls the pods (config hash of
 * the pod template) and changes what status.router.features says; an overlay fragment is merged,
 * and one that collides with a key the operator writes is refused and not rolled out.
 */
class RequestFeaturesIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    @Test
    void theGuardFollowsTheCrOnARunningRouter() {
        String namespace = API.newNamespace("guard");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("simple", namespace));
        String name = router.getMetadata().getName();
        await("guard acts").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(config(namespace, name)).contains("block-jailbreak", "type: jailbreak", "type: fast_response");
            assertThat(features(namespace, name)).anyMatch(f -> f.startsWith("prompt guard - jailbreak signal prompt_guard"));
            assertThat(configHash(namespace, name)).isNotEmpty();
        });
        String guardedConfig = config(namespace, name);
        String guardedHash = configHash(namespace, name);

        mergePatch(namespace, name, Map.of("spec", Map.of("config", Map.of("prompt_guard", Map.of("enabled", false)))));
        await("guard off: config, pods and status follow").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(config(namespace, name)).doesNotContain("block-jailbreak").doesNotContain("jailbreak:")
                    .contains("response_cache", "type: tools");
            assertThat(configHash(namespace, name)).isNotEqualTo(guardedHash);
            assertThat(features(namespace, name)).noneMatch(f -> f.startsWith("prompt guard"))
                    .anyMatch(f -> f.startsWith("cache - plugin response_cache"));
        });

        mergePatch(namespace, name, Map.of("spec", Map.of("config", Map.of("prompt_guard", Map.of("enabled", true)))));
        await("guard on again").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(config(namespace, name)).isEqualTo(guardedConfig);
            assertThat(configHash(namespace, name)).isEqualTo(guardedHash);
            assertThat(String.valueOf(condition(routers.get(namespace, name), "RouterConfigValid").get("message")))
                    .contains("acting on requests: ").contains("prompt guard - ");
        });
    }

    @Test
    void anOverlayIsMergedAndACollisionIsRefusedWithoutRollout() {
        String namespace = API.newNamespace("overlay");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("simple", namespace));
        String name = router.getMetadata().getName();
        await("Deployment").atMost(TIMEOUT).untilAsserted(() -> assertThat(configHash(namespace, name)).isNotEmpty());
        String before = configHash(namespace, name);
        mergePatch(namespace, name, Map.of("spec", Map.of("config", Map.of("overlay",
                Map.of("global", Map.of("router", Map.of("streamed_body", Map.of("enabled", true))))))));
        await("overlay merged and rolled out").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(config(namespace, name)).contains("streamed_body:");
            assertThat(configHash(namespace, name)).isNotEqualTo(before);
        });
        String merged = config(namespace, name);
        String hash = configHash(namespace, name);

        mergePatch(namespace, name, Map.of("spec", Map.of("config", Map.of("overlay",
                Map.of("global", Map.of("router", Map.of("clear_route_cache", false)))))));
        await("collision refused").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "RouterConfigValid"))
                .containsEntry("status", "False").containsEntry("reason", "RouterConfigInvalid"));
        assertThat(String.valueOf(condition(routers.get(namespace, name), "RouterConfigValid").get("message")))
                .contains("spec.config.overlay.global.router.clear_route_cache collides with global.router.clear_route_cache");
        assertThat(config(namespace, name)).as("the last good config keeps running").isEqualTo(merged);
        assertThat(configHash(namespace, name)).isEqualTo(hash);
    }

    @SuppressWarnings("unchecked")
    private List<String> features(String namespace, String name) {
        Map<String, Object> status = (Map<String, Object>) routers.get(namespace, name).getAdditionalProperties().get("status");
        Object routerStatus = status == null ? null : status.get("router");
        return routerStatus == null ? List.of() : (List<String>) ((Map<String, Object>) routerStatus).getOrDefault("features", List.of());
    }

    private String config(String namespace, String name) {
        var map = CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get();
        return map == null ? "" : map.getData().get("config.yaml");
    }

    private String configHash(String namespace, String name) {
        var deployment = CLIENT.apps().deployments().inNamespace(namespace).withName(name).get();
        return deployment == null ? "" : deployment.getSpec().getTemplate().getMetadata().getAnnotations()
                .getOrDefault("semanticrouter.vllm.ai/config-hash", "");
    }

    private void mergePatch(String namespace, String name, Map<String, Object> patch) {
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
    }
}
