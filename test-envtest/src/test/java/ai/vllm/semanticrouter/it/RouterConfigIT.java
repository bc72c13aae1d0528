package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A config the router would refuse is never rolled out: RouterConfigValid=False names the problem
 * (with a Warning event), the running Deployment and ConfigMap keep the last good config, and the
 * fix rolls out without touching anything else; the dialect follows the image tag.
 */
class RouterConfigIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);

    @Test
    void aDecisionForAnUnknownModelIsNotRolledOutAndTheFixIs() {
        String namespace = API.newNamespace("refused");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("complexity", namespace));
        String name = router.getMetadata().getName();
        await("RouterConfigValid=True").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "RouterConfigValid")).containsEntry("status", "True"));
        await("Deployment").atMost(TIMEOUT).untilAsserted(() -> assertThat(configHash(namespace, name)).isNotEmpty());
        String goodConfig = config(namespace, name);
        String goodHash = configHash(namespace, name);

        edit(namespace, name, decisions -> decisions.add(Map.of("name", "ghost", "priority", 1,
                "rules", Map.of("operator", "AND", "conditions", List.of()),
                "modelRefs", List.of(Map.of("model", "no-such-model")))));
        await("RouterConfigValid=False").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "RouterConfigValid"))
                .containsEntry("status", "False").containsEntry("reason", "RouterConfigInvalid"));
        assertThat(String.valueOf(condition(routers.get(namespace, name), "RouterConfigValid").get("message")))
                .contains("decision 'ghost' references model 'no-such-model'");
        assertThat(String.valueOf(condition(routers.get(namespace, name), "Ready").get("status"))).isEqualTo("False");
        await("Warning event").atMost(TIMEOUT).untilAsserted(() -> assertThat(CLIENT.v1().events().inNamespace(namespace)
                .list().getItems()).anySatisfy(e -> {
                    assertThat(e.getType()).isEqualTo("Warning");
                    assertThat(e.getReason()).isEqualTo("RouterConfigInvalid");
                }));
        assertThat(config(namespace, name)).as("the last good config keeps running").isEqualTo(goodConfig);
        assertThat(configHash(namespace, name)).as("no rollout").isEqualTo(goodHash);

        edit(namespace, name, decisions -> decisions.removeIf(d -> "ghost".equals(((Map<?, ?>) d).get("name"))));
        await("RouterConfigValid=True again").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "RouterConfigValid")).containsEntry("status", "True"));
        assertThat(config(namespace, name)).isEqualTo(goodConfig);
    }

    @Test
    void theConfigFormatFollowsTheImageTag() {
        String namespace = API.newNamespace("dialects");
        GenericKubernetesResource router = routers.createWithPrerequisites(routers.sample("simple", namespace));
        String name = router.getMetadata().getName();
        await("v0.4 for the default image").atMost(TIMEOUT).untilAsserted(() -> assertThat(dialect(namespace, name)).isEqualTo("v0.4"));
        await("Deployment").atMost(TIMEOUT).untilAsserted(() -> assertThat(configHash(namespace, name)).isNotEmpty());
        assertThat(config(namespace, name)).contains("version: v0.3", "providers:", "routing:");

        for (String[] tagAndDialect : new String[][] {{"v0.2.0", "flat"}, {"v0.3.0", "v0.3"}, {"latest", "v0.4"}}) {
            String before = configHash(namespace, name);
            mergePatch(namespace, name, Map.of("spec", Map.of("image", Map.of("tag", tagAndDialect[0]))));
            await("dialect for tag " + tagAndDialect[0]).atMost(TIMEOUT).untilAsserted(() ->
                    assertThat(dialect(namespace, name)).isEqualTo(tagAndDialect[1]));
            await("pods roll").atMost(TIMEOUT).untilAsserted(() -> assertThat(configHash(namespace, name)).isNotEqualTo(before));
        }
        await("latest: the format cannot be guaranteed").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "RouterConfigValid")).containsEntry("reason", "FormatNotGuaranteed"));
    }

    private String dialect(String namespace, String name) {
        var map = CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get();
        return map == null ? "" : map.getMetadata().getAnnotations().getOrDefault("semanticrouter.vllm.ai/config-dialect", "");
    }

    private String config(String namespace, String name) {
        return CLIENT.configMaps().inNamespace(namespace).withName(name + "-config").get().getData().get("config.yaml");
    }

    private String configHash(String namespace, String name) {
        var deployment = CLIENT.apps().deployments().inNamespace(namespace).withName(name).get();
        return deployment == null ? "" : deployment.getSpec().getTemplate().getMetadata().getAnnotations()
                .getOrDefault("semanticrouter.vllm.ai/config-hash", "");
    }

    /** Changes spec.config.decisions with a merge patch (no resourceVersion: the operator writes status meanwhile). */
    @SuppressWarnings("unchecked")
    private void edit(String namespace, String name, java.util.function.Consumer<List<Object>> change) {
        Map<String, Object> spec = (Map<String, Object>) routers.get(namespace, name).getAdditionalProperties().get("spec");
        List<Object> decisions = new java.util.ArrayList<>((List<Object>) ((Map<String, Object>) spec.get("config")).get("decisions"));
        change.accept(decisions);
        mergePatch(namespace, name, Map.of("spec", Map.of("config", Map.of("decisions", decisions))));
    }

    private void mergePatch(String namespace, String name, Map<String, Object> patch) {
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), io.fabric8.kubernetes.client.utils.Serialization.asJson(patch));
    }
}
