package ai.vllm.semanticrouter.operator.functions.gateway;

import ai.vllm.semanticrouter.operator.functions.ClusterView;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Gateway API implementations the router can attach to, each with the GatewayClass
 * {@code controllerName} that identifies it and the kinds the operator creates for it (every one must
 * be served, or none is applied).
 */
public enum GatewayImplementation {
    ENVOY_GATEWAY("envoy-gateway", "gateway.envoyproxy.io/gatewayclass-controller",
            List.of(GatewayApi.HTTP_ROUTE, GatewayApi.ENVOY_EXTENSION_POLICY)),
    ISTIO("istio", "istio.io/gateway-controller",
            List.of(GatewayApi.HTTP_ROUTE, GatewayApi.ENVOY_FILTER, GatewayApi.DESTINATION_RULE));

    private final String value;
    private final String controllerName;
    private final List<GatewayApi.ApiKind> kinds;

    GatewayImplementation(String value, String controllerName, List<GatewayApi.ApiKind> kinds) {
        this.value = value;
        this.controllerName = controllerName;
        this.kinds = kinds;
    }

    /** The value of {@code spec.gateway.implementation} and {@code environment.gateway.implementation}. */
    public String value() {
        return value;
    }

    public String controllerName() {
        return controllerName;
    }

    /** The kinds rendered for this implementation (ReferenceGrants only when a backend needs one). */
    public List<GatewayApi.ApiKind> kinds() {
        return kinds;
    }

    /**
     * For offline renders ({@code render --cluster}): a GatewayClass of a known controller in the file
     * means its implementation is installed, so the kinds created for it are served.
     */
    public static void assumeInstalled(StaticClusterView view) {
        for (ObjectNode gatewayClass : view.list(GatewayApi.GATEWAY_CLASS.apiVersion(), GatewayApi.GATEWAY_CLASS.kind(), null)) {
            byControllerName(gatewayClass.path("spec").path("controllerName").asText())
                    .ifPresent(i -> i.kinds.forEach(k -> view.serveGroup(ClusterView.groupOf(k.apiVersion()))));
        }
    }

    public static Optional<GatewayImplementation> byControllerName(String controllerName) {
        return Arrays.stream(values()).filter(i -> i.controllerName.equals(controllerName)).findFirst();
    }

    /** {@code spec.gateway.implementation}; empty for {@code auto} or an absent field. */
    public static Optional<GatewayImplementation> byValue(String value) {
        return Arrays.stream(values()).filter(i -> i.value.equals(value)).findFirst();
    }
}
