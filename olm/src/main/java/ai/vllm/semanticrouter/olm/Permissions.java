package ai.vllm.semanticrouter.olm;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Least-privilege RBAC of the operator: every verb on what the compositions produce, and only
 * what it reads or writes otherwise. No wildcards. Leases live in a namespaced Role, because the
 * operator only elects its leader in its own namespace.
 */
public final class Permissions {
    /** Verbs in the order Kubernetes lists them, so rules read the same everywhere. */
    enum Verb {
        get, list, watch, create, update, patch, delete;

        static final Set<Verb> ALL = EnumSet.allOf(Verb.class);
        static final Set<Verb> READ = EnumSet.of(get, list, watch);
    }

    private final Map<String, Map<String, Set<Verb>>> byGroupAndResource = new TreeMap<>();

    private Permissions() {
    }

    /**
     * The ClusterRole's rules.
     *
     * @param produced      kinds the compositions render (full control: they are applied and pruned)
     * @param crGroup       the custom resource's API group
     * @param crPlural      the custom resource's plural
     * @param routeSetsHost whether a Route composition writes spec.host (needs routes/custom-host on OpenShift)
     */
    public static List<PolicyRule> clusterRules(List<ApiResource> produced, String crGroup, String crPlural,
                                                boolean routeSetsHost) {
        Permissions rules = new Permissions();
        for (ApiResource kind : produced) {
            rules.grant(kind.group(), kind.resource(), Verb.ALL);
        }
        rules.grant(crGroup, crPlural, EnumSet.of(Verb.get, Verb.list, Verb.watch, Verb.update, Verb.patch));
        rules.grant(crGroup, crPlural + "/status", EnumSet.of(Verb.get, Verb.update, Verb.patch));
        rules.grant(crGroup, crPlural + "/finalizers", EnumSet.of(Verb.update));
        // Backend discovery and the StorageClass check.
        rules.grant("", "services", Verb.READ);
        rules.grant("serving.kserve.io", "inferenceservices", Verb.READ);
        rules.grant("storage.k8s.io", "storageclasses", Verb.READ);
        // Gateway mode: which implementation serves the Gateway a CR names (its GatewayClass's controllerName).
        rules.grant("gateway.networking.k8s.io", "gateways", Verb.READ);
        rules.grant("gateway.networking.k8s.io", "gatewayclasses", Verb.READ);
        // ... and the InferencePools its HTTPRoute may send to (their API appearing re-renders those CRs).
        rules.grant("inference.networking.k8s.io", "inferencepools", Verb.READ);
        // Conditions are mirrored as Events on the CR, in the CR's namespace.
        rules.grant("", "events", EnumSet.of(Verb.create, Verb.patch));
        // API discovery of optional kinds (Route, HTTPRoute, ServiceMonitor...) as their CRDs come and go.
        rules.grant("apiextensions.k8s.io", "customresourcedefinitions", Verb.READ);
        if (routeSetsHost && produced.stream().anyMatch(k -> k.group().equals("route.openshift.io")
                && k.kind().equals("Route"))) {
            // OpenShift admits a Route with an explicit spec.host only for who may create routes/custom-host.
            rules.grant("route.openshift.io", "routes/custom-host", EnumSet.of(Verb.create, Verb.update));
        }
        return rules.toRules();
    }

    /**
     * The opt-in ClusterRole for the extension compositions: full control of the kinds they produce
     * that the built-in compositions do not (those are in the main ClusterRole already).
     */
    public static List<PolicyRule> extensionRules(List<ApiResource> extensionKinds, List<ApiResource> builtIn) {
        Permissions rules = new Permissions();
        for (ApiResource kind : extensionKinds) {
            if (builtIn.stream().noneMatch(k -> k.group().equals(kind.group()) && k.resource().equals(kind.resource()))) {
                rules.grant(kind.group(), kind.resource(), Verb.ALL);
            }
        }
        return rules.toRules();
    }

    /** What namespace users get on SemanticRouters through the aggregated admin/edit ({@code edit}) or view roles. */
    public static List<PolicyRule> userRules(String crGroup, String crPlural, boolean edit) {
        Permissions rules = new Permissions();
        rules.grant(crGroup, crPlural, edit ? EnumSet.of(Verb.get, Verb.list, Verb.watch, Verb.create, Verb.update,
                Verb.patch, Verb.delete) : Verb.READ);
        rules.grant(crGroup, crPlural + "/status", EnumSet.of(Verb.get));
        return rules.toRules();
    }

    /** The Role in the operator's namespace: leader election on a Lease. */
    public static List<PolicyRule> leaderElectionRules() {
        Permissions rules = new Permissions();
        rules.grant("coordination.k8s.io", "leases", Verb.ALL);
        return rules.toRules();
    }

    private void grant(String group, String resource, Set<Verb> verbs) {
        byGroupAndResource.computeIfAbsent(group, g -> new TreeMap<>())
                .computeIfAbsent(resource, r -> EnumSet.noneOf(Verb.class)).addAll(verbs);
    }

    /** One rule per (group, verb set), resources sorted: compact and stable. */
    private List<PolicyRule> toRules() {
        List<PolicyRule> rules = new ArrayList<>();
        byGroupAndResource.forEach((group, resources) -> {
            Map<String, List<String>> resourcesByVerbs = new TreeMap<>();
            Map<String, Set<Verb>> verbsByKey = new TreeMap<>();
            resources.forEach((resource, verbs) -> {
                String key = verbs.stream().map(Verb::name).collect(Collectors.joining(","));
                resourcesByVerbs.computeIfAbsent(key, k -> new ArrayList<>()).add(resource);
                verbsByKey.put(key, verbs);
            });
            resourcesByVerbs.entrySet().stream()
                    .sorted(Map.Entry.comparingByValue((a, b) -> a.get(0).compareTo(b.get(0))))
                    .forEach(e -> rules.add(new PolicyRule(group, e.getValue(),
                            verbsByKey.get(e.getKey()).stream().map(Verb::name).toList())));
        });
        return rules;
    }
}
