package ai.vllm.semanticrouter.operator.functions.gateway;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Set;

/**
 * How a gateway-mode CR attaches to its Gateway: the implementation found, whether the gateway
 * objects are rendered ({@code attached}; all of them or none), the GatewayAttached condition's
 * reason and message, and what the compositions read as {@code environment.gateway}.
 *
 * @param implementation null when it could not be decided
 * @param extProc        how the Gateway's Envoy calls the router
 * @param routes         the HTTPRoute rules and ReferenceGrants (null when not attached)
 * @param backendTls     the Gateway's TLS to https backends (none when not attached)
 */
public record GatewayAttachment(boolean gatewayMode, boolean attached, GatewayImplementation implementation,
                                String gatewayName, String gatewayNamespace, ExtProcSettings extProc,
                                GatewayRoutes routes, GatewayBackendTls backendTls, String reason, String message) {
    public static final String ATTACHED = "Attached";
    /** The reasons of a gateway-mode CR that is not attached: each needs a user's action (kstatus Stalled). */
    public static final Set<String> FAILURE_REASONS = Set.of("GatewayAPINotInstalled", "GatewayNotFound",
            "GatewayNotVisible", "GatewayClassNotFound", "UnknownGatewayImplementation", "GatewayKindNotServed",
            "NoModelToRoute", "GatewayLimitsExceeded");

    /** Standalone mode: nothing to attach, no condition. */
    public static GatewayAttachment standalone() {
        return new GatewayAttachment(false, false, null, "", "", ExtProcSettings.NONE, null, GatewayBackendTls.none(), "Standalone",
                "standalone mode: the Envoy sidecar calls the router");
    }

    /** Gateway mode, the gateway objects not rendered, for this reason. */
    static GatewayAttachment notAttached(String name, String namespace, GatewayImplementation implementation,
                                         String reason, String message) {
        return new GatewayAttachment(true, false, implementation, name, namespace, ExtProcSettings.NONE, null,
                GatewayBackendTls.none(), reason, message);
    }

    /** {@code environment.gateway}, the shape fixed in docs/contracts.md. */
    public ObjectNode toJson() {
        ObjectNode gateway = JsonNodeFactory.instance.objectNode();
        gateway.put("attached", attached);
        gateway.put("implementation", implementation == null ? "" : implementation.value());
        gateway.put("name", gatewayName);
        gateway.put("namespace", gatewayNamespace);
        gateway.set("extProc", extProc.toJson());
        gateway.set("rules", attached ? routes.rules() : JsonNodeFactory.instance.arrayNode());
        gateway.set("referenceGrants", attached ? routes.referenceGrants() : JsonNodeFactory.instance.arrayNode());
        gateway.set("backendTLS", backendTls.toJson());
        return gateway;
    }

    /** The ReferenceGrants' count, for the templates' conditions. */
    public int grantCount() {
        return attached ? routes.referenceGrants().size() : 0;
    }
}
