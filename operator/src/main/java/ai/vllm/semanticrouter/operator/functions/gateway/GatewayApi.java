package ai.vllm.semanticrouter.operator.functions.gateway;

/** The kinds of the Gateway API and of its implementations that gateway mode reads or creates. */
public final class GatewayApi {
    public static final ApiKind GATEWAY = new ApiKind("gateway.networking.k8s.io/v1", "Gateway");
    public static final ApiKind GATEWAY_CLASS = new ApiKind("gateway.networking.k8s.io/v1", "GatewayClass");
    public static final ApiKind HTTP_ROUTE = new ApiKind("gateway.networking.k8s.io/v1", "HTTPRoute");
    public static final ApiKind REFERENCE_GRANT = new ApiKind("gateway.networking.k8s.io/v1beta1", "ReferenceGrant");
    public static final ApiKind INFERENCE_POOL = new ApiKind("inference.networking.k8s.io/v1", "InferencePool");
    public static final ApiKind ENVOY_EXTENSION_POLICY = new ApiKind("gateway.envoyproxy.io/v1alpha1", "EnvoyExtensionPolicy");
    public static final ApiKind ENVOY_FILTER = new ApiKind("networking.istio.io/v1alpha3", "EnvoyFilter");
    public static final ApiKind DESTINATION_RULE = new ApiKind("networking.istio.io/v1", "DestinationRule");
    /** The label Gateway API implementations put on the pods of a Gateway's proxy. */
    public static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";

    private GatewayApi() {
    }

    /** An apiVersion and kind. */
    public record ApiKind(String apiVersion, String kind) {
        @Override
        public String toString() {
            return kind + " (" + apiVersion + ")";
        }
    }
}
