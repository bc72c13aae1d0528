package ai.vllm.semanticrouter.operator.functions.tls;

import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The backend-TLS function: the TLS of every resolved https backend ({@link UpstreamTls}), the CA
 * bundle volume the Envoy container mounts, whether the service CA ConfigMap is needed, and what
 * status reports (backends not verified, backends whose cluster CA is not given).
 * {@link #toJson()} is {@code environment.backendTLS}.
 */
public record BackendTlsPlan(BackendTrust trust, List<HttpsBackend> backends) {

    /** One resolved https backend: its endpoint name, {@code host:port}, and TLS. */
    public record HttpsBackend(String name, String endpoint, UpstreamTls tls) {
    }

    public BackendTlsPlan {
        backends = List.copyOf(backends);
    }

    public static BackendTlsPlan of(JsonNode cr, Platform platform, DiscoveryReport discovery) {
        BackendTrust trust = BackendTrust.of(cr, platform);
        List<EndpointSpec> specs = EndpointSpec.of(cr);
        List<HttpsBackend> backends = new ArrayList<>();
        for (ResolvedEndpoint endpoint : discovery.resolved()) {
            UpstreamTls tls = trust.upstream(endpoint, specs);
            if (tls != null) {
                backends.add(new HttpsBackend(endpoint.spec().name(), endpoint.address() + ":" + endpoint.port(), tls));
            }
        }
        return new BackendTlsPlan(trust, backends);
    }

    /** The TLS of the resolved endpoint with this name; empty for plain http. */
    public Optional<UpstreamTls> forEndpoint(String name) {
        return backends.stream().filter(b -> b.name().equals(name)).map(HttpsBackend::tls).findFirst();
    }

    public List<HttpsBackend> unverified() {
        return backends.stream().filter(b -> !b.tls().verify()).toList();
    }

    /** Verified cluster-internal backends on Kubernetes without a CA bundle: Envoy will refuse them. */
    public List<HttpsBackend> missingClusterCa() {
        return backends.stream().filter(b -> b.tls().verify() && b.tls().trust() == TrustSource.PUBLIC_ROOTS
                && b.tls().clusterInternal()).toList();
    }

    public boolean serviceCa() {
        return backends.stream().anyMatch(b -> b.tls().verify() && b.tls().trust() == TrustSource.SERVICE_CA);
    }

    /** {@code environment.backendTLS}: {@code serviceCA}, and {@code volume} when a verified backend trusts a mounted bundle. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("serviceCA", serviceCa());
        if (backends.stream().anyMatch(b -> b.tls().verify() && b.tls().trust().mounted())) {
            json.set("volume", volume());
        }
        return json;
    }

    /** The pod volume of the bundle, its key projected to the one file Envoy reads. */
    private ObjectNode volume() {
        ObjectNode volume = JsonNodeFactory.instance.objectNode();
        volume.put("name", "backend-ca");
        BackendTrust.CaBundle bundle = trust.caBundle();
        ObjectNode source;
        if (bundle == null) {
            source = volume.putObject("configMap").put("name", trust.crName() + BackendTrust.SERVICE_CA_SUFFIX);
        } else if (bundle.secret()) {
            source = volume.putObject("secret").put("secretName", bundle.name());
        } else {
            source = volume.putObject("configMap").put("name", bundle.name());
        }
        String key = bundle == null ? BackendTrust.SERVICE_CA_KEY : bundle.key();
        source.putArray("items").addObject().put("key", key).put("path", "ca.crt");
        return volume;
    }
}
