package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.gateway.GatewayAttachment;
import ai.vllm.semanticrouter.operator.functions.gateway.GatewayBackendTls;

import java.util.ArrayList;
import java.util.List;

/**
 * The conditions of gateway mode: {@code GatewayAttached} (to which Gateway and implementation, or
 * why no gateway object is applied) and, once attached, {@code GatewayBackendTLS}: whether the
 * Gateway's Envoy verifies every https backend, and which it cannot be configured for.
 */
final class GatewayConditions {
    static final String VERIFIED = "Verified";
    static final String NO_HTTPS_BACKENDS = "NoHTTPSBackends";
    static final String NOT_CONFIGURED = "NotConfigured";
    static final String DISABLED = "VerificationDisabled";

    private GatewayConditions() {
    }

    static List<Condition> of(GatewayAttachment gateway) {
        List<Condition> conditions = new ArrayList<>();
        if (!gateway.gatewayMode()) {
            return conditions;
        }
        conditions.add(Condition.of(Condition.GATEWAY_ATTACHED, gateway.attached(), gateway.reason(), gateway.message()));
        if (gateway.attached()) {
            conditions.add(backendTls(gateway.backendTls()));
        }
        return conditions;
    }

    private static Condition backendTls(GatewayBackendTls tls) {
        String verified = tls.configured().isEmpty() ? "" : "verified by the Gateway (SNI and subject alternative name): "
                + String.join(", ", tls.configured());
        if (!tls.notConfigured().isEmpty()) {
            return condition(false, NOT_CONFIGURED, "TLS to these https backends is not configured at the Gateway, "
                    + "which then cannot reach them: " + String.join("; ", tls.notConfigured())
                    + (tls.unverified().isEmpty() ? "" : "; not verified: " + String.join(", ", tls.unverified()))
                    + (verified.isEmpty() ? "" : "; " + verified));
        }
        if (!tls.unverified().isEmpty()) {
            return condition(false, DISABLED, "Certificates not verified by the Gateway, whoever answers on these "
                    + "addresses receives the requests: " + String.join(", ", tls.unverified())
                    + (verified.isEmpty() ? "" : "; " + verified));
        }
        if (tls.configured().isEmpty()) {
            return condition(true, NO_HTTPS_BACKENDS, "No https backend: the Gateway speaks plain http to every backend");
        }
        return condition(true, VERIFIED, "Certificates " + verified);
    }

    private static Condition condition(boolean status, String reason, String message) {
        return Condition.of(Condition.GATEWAY_BACKEND_TLS, status, reason, message);
    }
}
