package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code openshift/}: what {@code make openshift-deploy} applies with {@code oc apply -f}: the
 * operator namespace, a CatalogSource serving the catalog image, an OperatorGroup for all
 * namespaces and a Subscription to the {@code stable} channel.
 */
public final class OpenShiftLayout {
    public static final String CATALOG_SOURCE = "semantic-router-catalog";
    public static final String CATALOG_NAMESPACE = "openshift-marketplace";

    private OpenShiftLayout() {
    }

    public static void write(GeneratedTree tree, Release release, InstallObjects objects) {
        tree.addYaml("openshift/01-namespace.yaml", Yaml.write(objects.namespace()));
        tree.addYaml("openshift/02-catalogsource.yaml", Yaml.write(catalogSource(release)));
        tree.addYaml("openshift/03-operatorgroup.yaml", Yaml.write(operatorGroup()));
        tree.addYaml("openshift/04-subscription.yaml", Yaml.write(subscription(release)));
    }

    private static ObjectNode catalogSource(Release release) {
        ObjectNode source = object("CatalogSource", CATALOG_SOURCE, CATALOG_NAMESPACE);
        ObjectNode spec = source.putObject("spec");
        spec.put("sourceType", "grpc");
        spec.put("image", release.catalogImage());
        spec.put("displayName", "Semantic Router Operator");
        spec.put("publisher", "vLLM Semantic Router community");
        spec.putObject("grpcPodConfig").put("securityContextConfig", "restricted");
        spec.putObject("updateStrategy").putObject("registryPoll").put("interval", "30m");
        return source;
    }

    /** No target namespaces: AllNamespaces, which matches the operator's cluster-wide RBAC and watches. */
    private static ObjectNode operatorGroup() {
        ObjectNode group = Yaml.object().put("apiVersion", "operators.coreos.com/v1").put("kind", "OperatorGroup");
        group.putObject("metadata").put("name", Identity.PACKAGE).put("namespace", Identity.NAMESPACE);
        group.putObject("spec");
        return group;
    }

    private static ObjectNode subscription(Release release) {
        ObjectNode subscription = object("Subscription", Identity.PACKAGE, Identity.NAMESPACE);
        ObjectNode spec = subscription.putObject("spec");
        spec.put("channel", BundleLayout.CHANNEL);
        spec.put("name", Identity.PACKAGE);
        spec.put("source", CATALOG_SOURCE);
        spec.put("sourceNamespace", CATALOG_NAMESPACE);
        spec.put("installPlanApproval", "Automatic");
        spec.put("startingCSV", release.csvName());
        return subscription;
    }

    private static ObjectNode object(String kind, String name, String namespace) {
        ObjectNode object = Yaml.object().put("apiVersion", "operators.coreos.com/v1alpha1").put("kind", kind);
        object.putObject("metadata").put("name", name).put("namespace", namespace);
        return object;
    }
}
