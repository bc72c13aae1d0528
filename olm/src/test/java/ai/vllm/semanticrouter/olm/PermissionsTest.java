package ai.vllm.semanticrouter.olm;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTest {
    private static final List<String> ALL = List.of("get", "list", "watch", "create", "update", "patch", "delete");

    private final ApiSources sources = Fixture.sources();
    private final List<ApiResource> produced = CompositionKinds.of(sources.compositions());

    @Test
    void producedKindsComeFromTheCompositionsBases() {
        assertThat(produced).extracting(ApiResource::apiVersion, ApiResource::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("v1", "ConfigMap"),
                org.assertj.core.groups.Tuple.tuple("apps/v1", "Deployment"),
                org.assertj.core.groups.Tuple.tuple("autoscaling/v2", "HorizontalPodAutoscaler"),
                org.assertj.core.groups.Tuple.tuple("networking.k8s.io/v1", "Ingress"),
                org.assertj.core.groups.Tuple.tuple("v1", "Service"),
                org.assertj.core.groups.Tuple.tuple("policy/v1", "PodDisruptionBudget"),
                org.assertj.core.groups.Tuple.tuple("route.openshift.io/v1", "Route"));
    }

    @Test
    void clusterRoleGrantsExactlyWhatTheOperatorNeeds() {
        Map<String, List<String>> verbs = verbsByResource(Permissions.clusterRules(produced, "vllm.ai", "semanticrouters", true));

        assertThat(verbs).containsOnlyKeys(
                "/configmaps", "/services", "/events", "apps/deployments", "autoscaling/horizontalpodautoscalers",
                "networking.k8s.io/ingresses", "policy/poddisruptionbudgets", "route.openshift.io/routes",
                "route.openshift.io/routes/custom-host", "vllm.ai/semanticrouters", "vllm.ai/semanticrouters/status",
                "vllm.ai/semanticrouters/finalizers", "serving.kserve.io/inferenceservices",
                "storage.k8s.io/storageclasses", "apiextensions.k8s.io/customresourcedefinitions",
                "gateway.networking.k8s.io/gateways", "gateway.networking.k8s.io/gatewayclasses",
                "inference.networking.k8s.io/inferencepools");
        assertThat(verbs.get("/services")).as("read for discovery, and produced").isEqualTo(ALL);
        assertThat(verbs.get("apps/deployments")).isEqualTo(ALL);
        assertThat(verbs.get("vllm.ai/semanticrouters")).containsExactly("get", "list", "watch", "update", "patch");
        assertThat(verbs.get("vllm.ai/semanticrouters/status")).containsExactly("get", "update", "patch");
        assertThat(verbs.get("vllm.ai/semanticrouters/finalizers")).containsExactly("update");
        assertThat(verbs.get("serving.kserve.io/inferenceservices")).containsExactly("get", "list", "watch");
        assertThat(verbs.get("storage.k8s.io/storageclasses")).containsExactly("get", "list", "watch");
        assertThat(verbs.get("gateway.networking.k8s.io/gateways")).as("gateway mode reads the Gateway").containsExactly("get", "list", "watch");
        assertThat(verbs.get("gateway.networking.k8s.io/gatewayclasses")).containsExactly("get", "list", "watch");
        assertThat(verbs.get("inference.networking.k8s.io/inferencepools")).containsExactly("get", "list", "watch");
        assertThat(verbs.get("apiextensions.k8s.io/customresourcedefinitions")).containsExactly("get", "list", "watch");
        assertThat(verbs.get("/events")).containsExactly("create", "patch");
        assertThat(verbs.get("route.openshift.io/routes/custom-host")).containsExactly("create", "update");
    }

    @Test
    void noWildcardsAndNoSecrets() {
        List<PolicyRule> rules = new java.util.ArrayList<>(Permissions.clusterRules(produced, "vllm.ai", "semanticrouters", true));
        rules.addAll(Permissions.leaderElectionRules());
        for (PolicyRule rule : rules) {
            assertThat(rule.apiGroup()).isNotEqualTo("*");
            assertThat(rule.resources()).doesNotContain("*", "secrets");
            assertThat(rule.verbs()).doesNotContain("*", "deletecollection", "escalate", "bind", "impersonate");
        }
    }

    @Test
    void customHostOnlyWhenARouteSetsItsHost() {
        assertThat(CompositionKinds.writesField(sources.compositions(), "Route", "spec.host")).isTrue();
        assertThat(CompositionKinds.writesField(sources.compositions(), "Service", "spec.host")).isFalse();
        assertThat(verbsByResource(Permissions.clusterRules(produced, "vllm.ai", "semanticrouters", false)))
                .doesNotContainKey("route.openshift.io/routes/custom-host");
    }

    @Test
    void leasesOnlyInTheOperatorNamespaceRole() {
        assertThat(verbsByResource(Permissions.clusterRules(produced, "vllm.ai", "semanticrouters", true)))
                .doesNotContainKey("coordination.k8s.io/leases");
        assertThat(verbsByResource(Permissions.leaderElectionRules()))
                .containsExactly(Map.entry("coordination.k8s.io/leases", ALL));
    }

    @Test
    void extensionRoleGrantsOnlyKindsTheBuiltInCompositionsDoNotProduce() {
        List<ApiResource> extensionKinds = CompositionKinds.ofExtensions(sources.compositions(), sources.extensions());
        assertThat(verbsByResource(Permissions.extensionRules(extensionKinds, produced)))
                .containsExactly(Map.entry("monitoring.coreos.com/servicemonitors", ALL));
    }

    @Test
    void namespaceUsersGetSemanticRoutersThroughAggregatedRoles() {
        assertThat(verbsByResource(Permissions.userRules("vllm.ai", "semanticrouters", true)))
                .containsEntry("vllm.ai/semanticrouters", ALL).containsEntry("vllm.ai/semanticrouters/status", List.of("get"));
        assertThat(verbsByResource(Permissions.userRules("vllm.ai", "semanticrouters", false)))
                .containsEntry("vllm.ai/semanticrouters", List.of("get", "list", "watch"));
    }

    static Map<String, List<String>> verbsByResource(List<PolicyRule> rules) {
        return rules.stream().flatMap(r -> r.resources().stream().map(res -> Map.entry(r.apiGroup() + "/" + res, r.verbs())))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
