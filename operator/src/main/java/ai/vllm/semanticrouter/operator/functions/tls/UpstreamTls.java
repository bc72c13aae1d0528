package ai.vllm.semanticrouter.operator.functions.tls;

/**
 * How the Envoy sidecar speaks TLS to one https backend: the server name it sends as SNI and
 * requires among the certificate's DNS subject alternative names, and the trust it verifies the
 * chain against; or, when the CR turned verification off, the field that did ({@code optOut}).
 */
public record UpstreamTls(String serverName, boolean verify, TrustSource trust, String optOut) {

    static UpstreamTls verified(String serverName, TrustSource trust) {
        return new UpstreamTls(serverName, true, trust, "");
    }

    static UpstreamTls unverified(String serverName, String optOut) {
        return new UpstreamTls(serverName, false, null, optOut);
    }

    /**
     * A Service's name inside the cluster ({@code <svc>.<ns>.svc[.cluster.local]}): its certificate is
     * signed by a cluster CA, never by a public one.
     */
    public boolean clusterInternal() {
        return serverName.endsWith(".svc") || serverName.contains(".svc.");
    }
}
