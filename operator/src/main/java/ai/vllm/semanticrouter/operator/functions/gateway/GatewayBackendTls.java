package ai.vllm.semanticrouter.operator.functions.gateway;

import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan.HttpsBackend;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTrust;
import ai.vllm.semanticrouter.operator.functions.tls.TrustSource;
import ai.vllm.semanticrouter.operator.functions.tls.UpstreamTls;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The same backend trust as the sidecar's ({@link BackendTlsPlan}), for the Gateway's Envoy: Envoy
 * Gateway gets a Gateway API {@code BackendTLSPolicy} per https Service (hostname = server name, CA
 * from the CR's ConfigMap, or the system roots for a public name); Istio a {@code DestinationRule}
 * per https host ({@code tls.mode: SIMPLE}, SNI and subject alternative name = server name, the CR's
 * CA Secret as {@code credentialName} when the Gateway shares the CR's namespace). What an
 * implementation cannot take is listed in {@code notConfigured}, with why, for the
 * GatewayBackendTLS condition; the opt-outs in {@code unverified}.
 */
public record GatewayBackendTls(ArrayNode policies, ArrayNode destinationRules, List<String> configured,
                                List<String> notConfigured, List<String> unverified) {
    /** One template per object in the compositions. */
    static final int MAX_OBJECTS = 4;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static GatewayBackendTls none() {
        return new GatewayBackendTls(JSON.arrayNode(), JSON.arrayNode(), List.of(), List.of(), List.of());
    }

    static GatewayBackendTls of(GatewayImplementation implementation, String crNamespace, String gatewayNamespace,
                                BackendTlsPlan plan, DiscoveryReport discovery) {
        GatewayBackendTls tls = new GatewayBackendTls(JSON.arrayNode(), JSON.arrayNode(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        for (HttpsBackend backend : plan.backends()) {
            ResolvedEndpoint endpoint = discovery.resolved().stream().filter(e -> e.spec().name().equals(backend.name()))
                    .findFirst().orElseThrow();
            String label = backend.name() + " (" + backend.endpoint() + ")";
            String problem = implementation == GatewayImplementation.ENVOY_GATEWAY
                    ? tls.policy(endpoint, backend.tls(), plan.trust(), crNamespace)
                    : tls.destinationRule(endpoint, backend.tls(), plan.trust(), crNamespace.equals(gatewayNamespace));
            if (problem != null) {
                tls.notConfigured().add(label + ": " + problem);
            } else if (!backend.tls().verify()) {
                tls.unverified().add(label + ", " + backend.tls().optOut() + " is false");
            } else {
                tls.configured().add(label + " (" + backend.tls().serverName() + ")");
            }
        }
        return tls;
    }

    /** A BackendTLSPolicy for the endpoint's Service, or why there is none. */
    private String policy(ResolvedEndpoint endpoint, UpstreamTls upstream, BackendTrust trust, String crNamespace) {
        if (!upstream.verify()) {
            return "a BackendTLSPolicy always verifies, and " + upstream.optOut() + " is false";
        }
        if (!endpoint.serviceNamespace().equals(crNamespace)) {
            return "its Service is in namespace " + endpoint.serviceNamespace() + ", where the operator creates no BackendTLSPolicy";
        }
        ObjectNode policy = JSON.objectNode();
        policy.put("service", endpoint.serviceName());
        ObjectNode validation = policy.putObject("validation").put("hostname", upstream.serverName());
        if (upstream.trust() == TrustSource.PUBLIC_ROOTS && !upstream.clusterInternal()) {
            validation.put("wellKnownCACertificates", "System");
        } else if (upstream.trust() == TrustSource.CA_BUNDLE && !trust.caBundle().secret() && "ca.crt".equals(trust.caBundle().key())) {
            validation.putArray("caCertificateRefs").addObject().put("group", "").put("kind", "ConfigMap")
                    .put("name", trust.caBundle().name());
        } else {
            return "a BackendTLSPolicy reads its CA from key ca.crt of a ConfigMap; give it in "
                    + "spec.backendTLS.caBundle.configMap with key ca.crt (now: " + trustOf(upstream, trust) + ")";
        }
        return add(policies, policy);
    }

    /** A DestinationRule for the endpoint's host, or why there is none. */
    private String destinationRule(ResolvedEndpoint endpoint, UpstreamTls upstream, BackendTrust trust, boolean sameNamespace) {
        ObjectNode rule = JSON.objectNode();
        rule.put("host", endpoint.address());
        ObjectNode tls = rule.putObject("tls").put("mode", "SIMPLE").put("sni", upstream.serverName());
        if (!upstream.verify()) {
            tls.put("insecureSkipVerify", true);
            return add(destinationRules, rule);
        }
        tls.putArray("subjectAltNames").add(upstream.serverName());
        if (upstream.trust() == TrustSource.CA_BUNDLE && trust.caBundle().secret() && sameNamespace) {
            tls.put("credentialName", trust.caBundle().name());
        } else if (upstream.trust() != TrustSource.PUBLIC_ROOTS || upstream.clusterInternal()) {
            return "the Gateway's proxy reads a CA only from a Secret in its own namespace (DestinationRule credentialName); "
                    + "put the CA in a Secret there and name it in spec.backendTLS.caBundle.secret with the Gateway in the "
                    + "CR's namespace (now: " + trustOf(upstream, trust) + ")";
        }
        return add(destinationRules, rule);
    }

    private static String add(ArrayNode objects, ObjectNode object) {
        if (objects.size() >= MAX_OBJECTS) {
            return "more than " + MAX_OBJECTS + " https backends";
        }
        objects.add(object);
        return null;
    }

    private static String trustOf(UpstreamTls upstream, BackendTrust trust) {
        return upstream.trust().mounted() ? trust.volumeSource() : upstream.trust().description();
    }

    ObjectNode toJson() {
        ObjectNode json = JSON.objectNode();
        json.set("policies", policies);
        json.set("destinationRules", destinationRules);
        return json;
    }
}
