package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.Environment;
import ai.vllm.semanticrouter.operator.functions.GatewayMode;
import ai.vllm.semanticrouter.operator.functions.router.ConfigDialect;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan.HttpsBackend;
import ai.vllm.semanticrouter.operator.functions.tls.TrustSource;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code BackendTLSVerified}: whether the Envoy sidecar verifies the certificate of every https
 * backend, and against what. False names the backends that are not verified (the CR's opt-out, or
 * the legacy sidecar of flat routers) or that Envoy will refuse (a cluster-internal backend on
 * Kubernetes with no CA bundle given). Absent in gateway mode: there is no sidecar.
 */
final class BackendTlsCondition {
    static final String VERIFIED = "Verified";
    static final String NO_HTTPS_BACKENDS = "NoHTTPSBackends";
    static final String DISABLED = "VerificationDisabled";
    static final String CA_BUNDLE_MISSING = "CABundleMissing";
    static final String LEGACY_SIDECAR = "NotVerifiedByLegacySidecar";

    private BackendTlsCondition() {
    }

    static Optional<Condition> of(Environment environment) {
        if (environment.gatewayMode() != GatewayMode.STANDALONE) {
            return Optional.empty();
        }
        BackendTlsPlan plan = environment.backendTls();
        if (plan.backends().isEmpty()) {
            return Optional.of(condition(true, NO_HTTPS_BACKENDS, "No https backend: the Envoy sidecar speaks plain http"));
        }
        if (environment.router().choice().dialect() == ConfigDialect.FLAT) {
            return Optional.of(condition(false, LEGACY_SIDECAR, "Certificates not verified: the sidecar of v0.1/v0.2 "
                    + "routers (flat config) forwards https through a dynamic forward proxy without verification: "
                    + names(plan.backends()) + "; use a v0.3 or newer router for verified backend TLS"));
        }
        List<HttpsBackend> missing = plan.missingClusterCa();
        List<HttpsBackend> unverified = plan.unverified();
        if (!missing.isEmpty()) {
            return Optional.of(condition(false, CA_BUNDLE_MISSING, "spec.backendTLS.caBundle is not set, so Envoy checks "
                    + "cluster-internal backends against " + TrustSource.PUBLIC_ROOTS.description()
                    + ", which do not sign cluster certificates, and refuses them: " + names(missing)
                    + "; name the ConfigMap or Secret of their CA in spec.backendTLS.caBundle"
                    + (unverified.isEmpty() ? "" : "; " + notVerified(unverified))));
        }
        if (!unverified.isEmpty()) {
            return Optional.of(condition(false, DISABLED, notVerified(unverified)
                    + verifiedPart(plan, "; verified: ")));
        }
        return Optional.of(condition(true, VERIFIED, verifiedPart(plan, "Certificates verified ")));
    }

    private static String notVerified(List<HttpsBackend> unverified) {
        return "Certificates not verified, whoever answers on these addresses receives the requests: "
                + unverified.stream().map(b -> b.name() + " (" + b.endpoint() + ", " + b.tls().optOut() + " is false)")
                .collect(Collectors.joining(", "));
    }

    /** "verified: a (server name) against X, ..." for the verified backends, or "" when none is. */
    private static String verifiedPart(BackendTlsPlan plan, String prefix) {
        List<HttpsBackend> verified = plan.backends().stream().filter(b -> b.tls().verify()).toList();
        if (verified.isEmpty()) {
            return "";
        }
        return prefix + "(SNI and DNS subject alternative name): " + verified.stream()
                .map(b -> b.name() + " (" + b.tls().serverName() + ") against " + trust(plan, b.tls().trust()))
                .collect(Collectors.joining(", "));
    }

    private static String trust(BackendTlsPlan plan, TrustSource trust) {
        return trust.mounted() ? trust.description() + ", " + plan.trust().volumeSource() : trust.description();
    }

    private static String names(List<HttpsBackend> backends) {
        return backends.stream().map(b -> b.name() + " (" + b.endpoint() + ")").collect(Collectors.joining(", "));
    }

    private static Condition condition(boolean status, String reason, String message) {
        return Condition.of(Condition.BACKEND_TLS_VERIFIED, status, reason, message);
    }
}
