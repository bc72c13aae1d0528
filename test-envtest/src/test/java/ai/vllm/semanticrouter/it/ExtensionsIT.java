package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * User compositions loaded at run time from a directory (no rebuild): the shipped ServiceMonitor and
 * NetworkPolicy extensions and the tutorial's dashboard appear, follow the CR and are pruned; a broken
 * file beside them is skipped while the CR keeps reconciling.
 */
class ExtensionsIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ResourceDefinitionContext SERVICE_MONITORS = new ResourceDefinitionContext.Builder()
            .withGroup("monitoring.coreos.com").withVersion("v1").withKind("ServiceMonitor").withPlural("servicemonitors")
            .withNamespaced(true).build();
    @TempDir
    static Path extensions;
    private static OperatorUnderTest operator;
    private final Routers routers = new Routers(CLIENT);

    @BeforeAll
    static void startOperatorWithExtensions() throws IOException {
        Routers.installCrd(CLIENT);
        Manifests.installCrds(CLIENT, "crds/servicemonitor-crd.yaml");
        copyResource("semanticrouter/extensions/servicemonitor.yaml", extensions.resolve("servicemonitor.yaml"));
        copyResource("semanticrouter/extensions/networkpolicy.yaml", extensions.resolve("networkpolicy.yaml"));
        Files.copy(Path.of("../docs/tutorial/extension/grafana-dashboard.yaml"), extensions.resolve("grafana-dashboard.yaml"));
        Files.copy(Path.of("../docs/tutorial/broken/broken-dashboard.yaml"), extensions.resolve("zz-broken.yaml"));
        operator = OperatorUnderTest.start(CLIENT, o -> o.withCompositionDirs(List.of(extensions)));
    }

    @AfterAll
    static void stopOperator() {
        operator.close();
    }

    @Test
    void extensionObjectsAppearFollowTheCrAndArePruned() {
        String namespace = API.newNamespace("extensions");
        GenericKubernetesResource router = routers.fromResource("routers/full-featured.yaml", namespace);
        spec(router).put("extensions", Map.of(
                "serviceMonitor", Map.of("enabled", true, "interval", "15s"),
                "networkPolicy", Map.of("enabled", true),
                "grafanaDashboard", Map.of("enabled", true, "refresh", "1m")));
        routers.createWithPrerequisites(router);
        routers.awaitReconciled(namespace, "full-router");

        await("extension objects").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(serviceMonitorIntervals(namespace)).containsExactly("15s");
            assertThat(CLIENT.network().v1().networkPolicies().inNamespace(namespace)
                    .withLabel("app.kubernetes.io/instance", "full-router").list().getItems()).hasSize(1);
            assertThat(CLIENT.configMaps().inNamespace(namespace).withName("full-router-grafana-dashboard").get()
                    .getData().get("dashboard.json")).contains("Semantic Router " + namespace + "/full-router");
        });

        patch(namespace, "{\"spec\":{\"extensions\":{\"serviceMonitor\":{\"interval\":\"45s\"}}}}");
        await("ServiceMonitor follows the CR").atMost(TIMEOUT)
                .untilAsserted(() -> assertThat(serviceMonitorIntervals(namespace)).containsExactly("45s"));

        patch(namespace, "{\"spec\":{\"extensions\":{\"serviceMonitor\":{\"enabled\":false},\"grafanaDashboard\":null}}}");
        await("switched-off extension objects pruned").atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(serviceMonitorIntervals(namespace)).isEmpty();
            assertThat(CLIENT.configMaps().inNamespace(namespace).withName("full-router-grafana-dashboard").get()).isNull();
        });
        assertThat(CLIENT.network().v1().networkPolicies().inNamespace(namespace).list().getItems()).hasSize(1);
    }

    @Test
    void aFileAddedAtRunTimeIsLoadedWithoutARestartAndTheBrokenOneIsCounted() throws IOException {
        assertThat(operator.runtime().meterRegistry().get("semantic_router_operator_compositions_invalid").gauge().value())
                .as("zz-broken.yaml is rejected and counted").isEqualTo(1.0);
        String namespace = API.newNamespace("extensions-late");
        routers.createWithPrerequisites(routers.fromResource("routers/full-featured.yaml", namespace));
        routers.awaitReconciled(namespace, "full-router");

        Files.writeString(extensions.resolve("late.yaml"), """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: late}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: late-configmap
                      base: {apiVersion: v1, kind: ConfigMap, data: {added: at-run-time}}
                      patches:
                        - type: CombineFromComposite
                          combine: {variables: [{fromFieldPath: metadata.name}], strategy: string, string: {fmt: "%s-late"}}
                          toFieldPath: metadata.name
                """);
        await("composition added on disk is loaded without a restart").atMost(TIMEOUT).until(() ->
                CLIENT.configMaps().inNamespace(namespace).withName("full-router-late").get() != null);

        Files.delete(extensions.resolve("late.yaml"));
        await("its objects are pruned when the file goes").atMost(TIMEOUT).until(() ->
                CLIENT.configMaps().inNamespace(namespace).withName("full-router-late").get() == null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> serviceMonitorIntervals(String namespace) {
        return CLIENT.genericKubernetesResources(SERVICE_MONITORS).inNamespace(namespace).list().getItems().stream()
                .flatMap(sm -> ((List<Map<String, Object>>) ((Map<String, Object>) sm.getAdditionalProperties()
                        .get("spec")).get("endpoints")).stream())
                .map(endpoint -> String.valueOf(endpoint.get("interval"))).toList();
    }

    private static void patch(String namespace, String mergePatch) {
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName("full-router")
                .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource router) {
        return (Map<String, Object>) router.getAdditionalProperties().get("spec");
    }

    private static void copyResource(String resource, Path target) throws IOException {
        try (InputStream in = ExtensionsIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("no classpath resource " + resource);
            }
            Files.copy(in, target);
        }
    }
}
