package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The objects of a kustomize install, each built once and reused by the OLM bundle where OLM allows. */
public final class InstallObjects {
    static final String EXTRA_COMPOSITIONS_HELP = """
            User compositions, loaded beside the built-in ones (operator flag --compositions-dir).
            Add one key per composition file, the key ending in .yaml, for example
            kubectl -n semantic-router-operator-system create configmap semantic-router-operator-extra-compositions \\
              --from-file=servicemonitor.yaml --dry-run=client -o yaml | kubectl apply -f -
            then restart the operator (kubectl -n semantic-router-operator-system rollout restart \\
            deployment/semantic-router-operator-controller-manager). A template or patch-set name that clashes
            with a built-in one is rejected and logged; the built-in compositions keep working.""";

    private final Release release;
    private final List<PolicyRule> clusterRules;

    public InstallObjects(Release release, List<PolicyRule> clusterRules) {
        this.release = release;
        this.clusterRules = List.copyOf(clusterRules);
    }

    public ObjectNode namespace() {
        ObjectNode ns = object("v1", "Namespace", Identity.NAMESPACE, false);
        ObjectNode labels = (ObjectNode) ns.path("metadata").path("labels");
        // The operator's pod meets the restricted Pod Security Standard; enforce it.
        labels.put("pod-security.kubernetes.io/enforce", "restricted");
        labels.put("pod-security.kubernetes.io/enforce-version", "latest");
        return ns;
    }

    public ObjectNode serviceAccount() {
        return object("v1", "ServiceAccount", Identity.SERVICE_ACCOUNT, true);
    }

    public ObjectNode clusterRole() {
        ObjectNode role = object("rbac.authorization.k8s.io/v1", "ClusterRole", Identity.CLUSTER_ROLE, false);
        role.set("rules", rules(clusterRules));
        return role;
    }

    public ObjectNode clusterRoleBinding() {
        return clusterRoleBinding(Identity.CLUSTER_ROLE_BINDING, Identity.CLUSTER_ROLE);
    }

    /** The opt-in ClusterRole for the kinds only the extension compositions produce. */
    public ObjectNode extensionsClusterRole(List<PolicyRule> rules) {
        ObjectNode role = object("rbac.authorization.k8s.io/v1", "ClusterRole", Identity.EXTENSIONS_ROLE, false);
        role.set("rules", rules(rules));
        return role;
    }

    public ObjectNode extensionsClusterRoleBinding() {
        return clusterRoleBinding(Identity.EXTENSIONS_ROLE_BINDING, Identity.EXTENSIONS_ROLE);
    }

    /**
     * A role aggregated into the built-in admin and edit ({@code edit}) or view roles, so that
     * namespace users can manage SemanticRouters without cluster-admin.
     */
    public ObjectNode userRole(List<PolicyRule> rules, boolean edit) {
        ObjectNode role = object("rbac.authorization.k8s.io/v1", "ClusterRole",
                edit ? Identity.EDITOR_ROLE : Identity.VIEWER_ROLE, false);
        ObjectNode labels = (ObjectNode) role.path("metadata").path("labels");
        if (edit) {
            labels.put("rbac.authorization.k8s.io/aggregate-to-admin", "true");
            labels.put("rbac.authorization.k8s.io/aggregate-to-edit", "true");
        } else {
            labels.put("rbac.authorization.k8s.io/aggregate-to-view", "true");
        }
        role.set("rules", rules(rules));
        return role;
    }

    private ObjectNode clusterRoleBinding(String name, String clusterRole) {
        ObjectNode binding = object("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", name, false);
        binding.set("roleRef", roleRef("ClusterRole", clusterRole));
        binding.set("subjects", subjects());
        return binding;
    }

    public ObjectNode leaderElectionRole() {
        ObjectNode role = object("rbac.authorization.k8s.io/v1", "Role", Identity.LEADER_ELECTION_ROLE, true);
        role.set("rules", rules(Permissions.leaderElectionRules()));
        return role;
    }

    public ObjectNode leaderElectionRoleBinding() {
        ObjectNode binding = object("rbac.authorization.k8s.io/v1", "RoleBinding",
                Identity.LEADER_ELECTION_ROLE_BINDING, true);
        binding.set("roleRef", roleRef("Role", Identity.LEADER_ELECTION_ROLE));
        binding.set("subjects", subjects());
        return binding;
    }

    public ObjectNode deployment() {
        ObjectNode deployment = object("apps/v1", "Deployment", Identity.MANAGER, true);
        deployment.set("spec", OperatorDeployment.spec(release.operatorImage()));
        return deployment;
    }

    /** Metrics Service; {@code namespaced} false for the bundle, where OLM picks the namespace. */
    public ObjectNode metricsService(boolean namespaced) {
        ObjectNode service = object("v1", "Service", Identity.METRICS_SERVICE, namespaced);
        ObjectNode spec = service.putObject("spec");
        spec.put("type", "ClusterIP");
        spec.set("selector", Yaml.map(Identity.selectorLabels()));
        spec.putArray("ports").addObject().put("name", "metrics").put("port", Identity.METRICS_PORT)
                .put("targetPort", "metrics").put("protocol", "TCP");
        return service;
    }

    /** The empty ConfigMap of user compositions; {@code namespaced} false for the bundle. */
    public ObjectNode extraCompositions(boolean namespaced) {
        ObjectNode configMap = object("v1", "ConfigMap", Identity.EXTRA_COMPOSITIONS, namespaced);
        ((ObjectNode) configMap.path("metadata")).putObject("annotations")
                .put("semanticrouter.vllm.ai/description", EXTRA_COMPOSITIONS_HELP);
        // No `data`: re-applying the install must never own (and so never remove) the user's keys.
        return configMap;
    }

    static ArrayNode rules(List<PolicyRule> rules) {
        ArrayNode array = Yaml.array();
        rules.forEach(r -> array.add(r.toNode()));
        return array;
    }

    private static ObjectNode roleRef(String kind, String name) {
        return Yaml.object().put("apiGroup", "rbac.authorization.k8s.io").put("kind", kind).put("name", name);
    }

    private static ArrayNode subjects() {
        ArrayNode subjects = Yaml.array();
        subjects.addObject().put("kind", "ServiceAccount").put("name", Identity.SERVICE_ACCOUNT)
                .put("namespace", Identity.NAMESPACE);
        return subjects;
    }

    static ObjectNode object(String apiVersion, String kind, String name, boolean namespaced) {
        ObjectNode object = Yaml.object().put("apiVersion", apiVersion).put("kind", kind);
        ObjectNode metadata = object.putObject("metadata").put("name", name);
        if (namespaced) {
            metadata.put("namespace", Identity.NAMESPACE);
        }
        metadata.set("labels", Yaml.map(Identity.labels()));
        return object;
    }
}
