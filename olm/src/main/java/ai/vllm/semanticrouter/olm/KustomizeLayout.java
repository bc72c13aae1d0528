package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * {@code config/}: the kustomize install. {@code config/crd} is what {@code make install} applies,
 * {@code config/default} everything ({@code make deploy}). Names are final in the objects
 * themselves: no name prefix, so nothing is ever doubled.
 */
public final class KustomizeLayout {
    private KustomizeLayout() {
    }

    public static void write(GeneratedTree tree, ApiSources sources, InstallObjects objects, CrdFacts crd,
                             List<PolicyRule> extensionRules) {
        tree.add("config/crd/vllm.ai_semanticrouters.yaml", sources.crd().text());
        tree.addYaml("config/crd/kustomization.yaml", kustomization(null, List.of("vllm.ai_semanticrouters.yaml")));

        tree.addYaml("config/rbac/service_account.yaml", Yaml.write(objects.serviceAccount()));
        tree.addYaml("config/rbac/role.yaml", Yaml.write(objects.clusterRole()));
        tree.addYaml("config/rbac/role_binding.yaml", Yaml.write(objects.clusterRoleBinding()));
        tree.addYaml("config/rbac/leader_election_role.yaml", Yaml.write(objects.leaderElectionRole()));
        tree.addYaml("config/rbac/leader_election_role_binding.yaml", Yaml.write(objects.leaderElectionRoleBinding()));
        tree.addYaml("config/rbac/semanticrouter_editor_role.yaml",
                Yaml.write(objects.userRole(Permissions.userRules(crd.group(), crd.plural(), true), true)));
        tree.addYaml("config/rbac/semanticrouter_viewer_role.yaml",
                Yaml.write(objects.userRole(Permissions.userRules(crd.group(), crd.plural(), false), false)));
        tree.addYaml("config/rbac/kustomization.yaml", kustomization(null, List.of("service_account.yaml", "role.yaml",
                "role_binding.yaml", "leader_election_role.yaml", "leader_election_role_binding.yaml",
                "semanticrouter_editor_role.yaml", "semanticrouter_viewer_role.yaml")));

        if (!extensionRules.isEmpty()) {
            // Opt-in, like the extension compositions: `kubectl apply -k olm/generated/config/extensions`.
            tree.addYaml("config/extensions/role.yaml", Yaml.write(objects.extensionsClusterRole(extensionRules)));
            tree.addYaml("config/extensions/role_binding.yaml", Yaml.write(objects.extensionsClusterRoleBinding()));
            tree.addYaml("config/extensions/kustomization.yaml",
                    kustomization(null, List.of("role.yaml", "role_binding.yaml")));
        }

        tree.addYaml("config/manager/namespace.yaml", Yaml.write(objects.namespace()));
        tree.addYaml("config/manager/manager.yaml", Yaml.write(objects.deployment()));
        tree.addYaml("config/manager/metrics_service.yaml", Yaml.write(objects.metricsService(true)));
        tree.addYaml("config/manager/extra_compositions.yaml", Yaml.write(objects.extraCompositions(true)));
        tree.addYaml("config/manager/kustomization.yaml", kustomization(null, List.of("namespace.yaml",
                "extra_compositions.yaml", "manager.yaml", "metrics_service.yaml")));

        // Opt-in (needs the prometheus-operator's CRDs): `kubectl apply -k olm/generated/config/prometheus`.
        tree.addYaml("config/prometheus/monitor.yaml", Yaml.write(MonitoringObjects.serviceMonitor(true)));
        tree.addYaml("config/prometheus/prometheus_rule.yaml", Yaml.write(MonitoringObjects.prometheusRule(true)));
        tree.addYaml("config/prometheus/grafana_dashboard.yaml", Yaml.write(MonitoringObjects.dashboard(true)));
        tree.addYaml("config/prometheus/kustomization.yaml",
                kustomization(null, List.of("monitor.yaml", "prometheus_rule.yaml", "grafana_dashboard.yaml")));

        tree.addYaml("config/default/kustomization.yaml",
                kustomization(Identity.NAMESPACE, List.of("../crd", "../rbac", "../manager")));
    }

    private static String kustomization(String namespace, List<String> resources) {
        ObjectNode k = Yaml.object();
        k.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        k.put("kind", "Kustomization");
        if (namespace != null) {
            k.put("namespace", namespace);
        }
        k.set("resources", Yaml.strings(resources));
        return Yaml.write(k);
    }
}
