package ai.vllm.semanticrouter.operator.discovery;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.net.URL;

/** The REST paths of a served resource, as API discovery describes it. */
public final class ResourceUrl {
    private ResourceUrl() {
    }

    /**
     * The URL of the resource's collection: in {@code namespace} when the resource is namespaced and a
     * namespace is given, otherwise across all namespaces (or cluster-wide).
     */
    public static String collection(URL apiServer, ResourceDefinitionContext resource, String namespace) {
        String root = apiServer.toString().replaceAll("/+$", "");
        String groupVersion = resource.getGroup() == null || resource.getGroup().isEmpty()
                ? "/api/" + resource.getVersion() : "/apis/" + resource.getGroup() + "/" + resource.getVersion();
        String scope = namespace != null && !namespace.isEmpty() && resource.isNamespaceScoped()
                ? "/namespaces/" + namespace : "";
        return root + groupVersion + scope + "/" + resource.getPlural();
    }

    /** The URL of one object of the resource. */
    public static String object(URL apiServer, ResourceDefinitionContext resource, String namespace, String name) {
        return collection(apiServer, resource, namespace) + "/" + name;
    }
}
