package ai.vllm.semanticrouter.operator.functions.tls;

import ai.vllm.semanticrouter.operator.functions.EndpointSpec;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * {@code spec.backendTLS} on a platform: which trust an https backend's certificate is verified
 * against. The CR's CA bundle when it names one; otherwise, for a cluster-internal server name, the
 * service CA on OpenShift (it signs KServe's serving certificates) and nothing on Kubernetes (the
 * public roots are configured, so Envoy refuses rather than trusts, and status says the bundle is
 * missing); for a public server name the Envoy image's public roots.
 */
public record BackendTrust(String crName, Platform platform, boolean verifyAll, CaBundle caBundle) {
    /** The ConfigMap the OpenShift service CA operator fills with its bundle (key service-ca.crt). */
    public static final String SERVICE_CA_SUFFIX = "-service-ca";
    static final String SERVICE_CA_KEY = "service-ca.crt";

    /** {@code spec.backendTLS.caBundle.configMap} or {@code .secret}, in the CR's namespace. */
    public record CaBundle(boolean secret, String name, String key) {
        public String field() {
            return "spec.backendTLS.caBundle." + (secret ? "secret" : "configMap");
        }
    }

    public static BackendTrust of(JsonNode cr, Platform platform) {
        JsonNode tls = cr.path("spec").path("backendTLS");
        JsonNode bundle = tls.path("caBundle");
        CaBundle caBundle = null;
        if (bundle.has("configMap")) {
            caBundle = new CaBundle(false, bundle.path("configMap").path("name").asText(""),
                    bundle.path("configMap").path("key").asText("ca.crt"));
        } else if (bundle.has("secret")) {
            caBundle = new CaBundle(true, bundle.path("secret").path("name").asText(""),
                    bundle.path("secret").path("key").asText("ca.crt"));
        }
        return new BackendTrust(cr.path("metadata").path("name").asText(), platform,
                tls.path("verify").asBoolean(true), caBundle);
    }

    /** The TLS of one resolved backend, null when it is plain http. */
    public UpstreamTls upstream(ResolvedEndpoint endpoint, List<EndpointSpec> specs) {
        if (!endpoint.tls()) {
            return null;
        }
        EndpointSpec.Tls tls = endpoint.spec().tls();
        String serverName = tls.serverName().isEmpty() ? endpoint.address() : tls.serverName();
        if (!verifyAll) {
            return UpstreamTls.unverified(serverName, "spec.backendTLS.verify");
        }
        if (!tls.verify()) {
            return UpstreamTls.unverified(serverName, "spec.vllmEndpoints[" + specs.indexOf(endpoint.spec()) + "].tls.verify");
        }
        UpstreamTls verified = UpstreamTls.verified(serverName, TrustSource.PUBLIC_ROOTS);
        if (caBundle != null) {
            return UpstreamTls.verified(serverName, TrustSource.CA_BUNDLE);
        }
        if (verified.clusterInternal() && platform == Platform.OPENSHIFT) {
            return UpstreamTls.verified(serverName, TrustSource.SERVICE_CA);
        }
        return verified;
    }

    /** Where the Envoy container's bundle volume comes from: the CR's ConfigMap or Secret, or the service CA's. */
    public String volumeSource() {
        if (caBundle == null) {
            return "ConfigMap " + crName + SERVICE_CA_SUFFIX + " (key " + SERVICE_CA_KEY + ")";
        }
        return (caBundle.secret() ? "Secret " : "ConfigMap ") + caBundle.name() + " (key " + caBundle.key() + ")";
    }
}
