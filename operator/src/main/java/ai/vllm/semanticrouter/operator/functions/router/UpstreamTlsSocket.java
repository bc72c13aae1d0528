package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.tls.UpstreamTls;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Envoy transport socket of one https backend: an {@code UpstreamTlsContext} with the server
 * name as SNI and, unless the CR turned verification off, a validation context: the trusted CA file
 * and the server name required among the certificate's DNS subject alternative names (an exact
 * matcher, which Envoy also matches against a wildcard SAN). Without a validation context Envoy
 * accepts any certificate, so that case exists only as the CR's visible opt-out.
 */
final class UpstreamTlsSocket {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private UpstreamTlsSocket() {
    }

    static ObjectNode of(UpstreamTls tls) {
        ObjectNode socket = JSON.objectNode();
        socket.put("name", "envoy.transport_sockets.tls");
        ObjectNode config = socket.putObject("typed_config");
        config.put("@type", "type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext");
        config.put("sni", tls.serverName());
        ObjectNode common = config.putObject("common_tls_context");
        common.putArray("alpn_protocols").add("http/1.1");
        ObjectNode params = common.putObject("tls_params");
        params.put("tls_minimum_protocol_version", "TLSv1_2");
        params.put("tls_maximum_protocol_version", "TLSv1_3");
        if (tls.verify()) {
            ObjectNode validation = common.putObject("validation_context");
            validation.putObject("trusted_ca").put("filename", tls.trust().file());
            ObjectNode san = validation.putArray("match_typed_subject_alt_names").addObject();
            san.put("san_type", "DNS");
            san.putObject("matcher").put("exact", tls.serverName());
        }
        return socket;
    }
}
