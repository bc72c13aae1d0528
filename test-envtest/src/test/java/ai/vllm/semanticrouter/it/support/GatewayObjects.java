package ai.vllm.semanticrouter.it.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The kinds gateway mode reads and writes, as the real CRDs serve them, and the objects a test creates of them. */
public final class GatewayObjects {
    public static final ResourceDefinitionContext GATEWAYS = context("gateway.networking.k8s.io", "v1", "Gateway", "gateways", true);
    public static final ResourceDefinitionContext CLASSES = context("gateway.networking.k8s.io", "v1", "GatewayClass", "gatewayclasses", false);
    public static final ResourceDefinitionContext HTTP_ROUTES = context("gateway.networking.k8s.io", "v1", "HTTPRoute", "httproutes", true);
    public static final ResourceDefinitionContext GRANTS = context("gateway.networking.k8s.io", "v1beta1", "ReferenceGrant", "referencegrants", true);
    public static final ResourceDefinitionContext POLICIES = context("gateway.envoyproxy.io", "v1alpha1", "EnvoyExtensionPolicy", "envoyextensionpolicies", true);
    public static final ResourceDefinitionContext FILTERS = context("networking.istio.io", "v1alpha3", "EnvoyFilter", "envoyfilters", true);
    public static final ResourceDefinitionContext RULES = context("networking.istio.io", "v1", "DestinationRule", "destinationrules", true);
    public static final ResourceDefinitionContext TLS_POLICIES = context("gateway.networking.k8s.io", "v1", "BackendTLSPolicy", "backendtlspolicies", true);
    public static final ResourceDefinitionContext POOLS = context("inference.networking.k8s.io", "v1", "InferencePool", "inferencepools", true);

    public static GenericKubernetesResource gatewayClass(String name, String controller) {
        return object("gateway.networking.k8s.io/v1", "GatewayClass", name, null, Map.of("controllerName", controller));
    }

    public static GenericKubernetesResource gateway(String name, String namespace, String className) {
        return object("gateway.networking.k8s.io/v1", "Gateway", name, namespace, Map.of("gatewayClassName", className,
                "listeners", List.of(Map.of("name", "http", "port", 80, "protocol", "HTTP"))));
    }

    public static GenericKubernetesResource inferencePool(String namespace) {
        return object("inference.networking.k8s.io/v1", "InferencePool", "llama3-8b-pool", namespace, Map.of(
                "selector", Map.of("matchLabels", Map.of("app", "llama")),
                "targetPorts", List.of(Map.of("number", 8000)),
                "endpointPickerRef", Map.of("name", "llama-epp", "port", Map.of("number", 9002))));
    }

    public static GenericKubernetesResource object(String apiVersion, String kind, String name, String namespace,
                                                    Map<String, Object> spec) {
        GenericKubernetesResource object = new GenericKubernetesResource();
        object.setApiVersion(apiVersion);
        object.setKind(kind);
        object.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        object.setAdditionalProperty("spec", new HashMap<>(spec));
        return object;
    }

    public static ResourceDefinitionContext context(String group, String version, String kind, String plural, boolean namespaced) {
        return new ResourceDefinitionContext.Builder().withGroup(group).withVersion(version).withKind(kind)
                .withPlural(plural).withNamespaced(namespaced).build();
    }

    private GatewayObjects() {
    }
}
