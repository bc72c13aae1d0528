package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.EndpointSpec.Lora;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashSet;
import java.util.Set;

/**
 * The model-dependent part of the Envoy sidecar's bootstrap for canonical routers, the structure
 * {@code vllm-sr config envoy} generates: the router picks a model and sets
 * {@code x-selected-model} (the LoRA's name when a decision picks a LoRA); Envoy routes that header
 * to one cluster per model, balancing its endpoints by weight, with verified TLS to https endpoints
 * ({@link UpstreamTlsSocket}); requests
 * with no selection go to the default model (or, with no model, to the router's own API).
 */
public record EnvoyRoutes(ArrayNode routes, ArrayNode clusters) {
    public static final String SELECTED_MODEL_HEADER = "x-selected-model";
    /** The fallback cluster of the composition's skeleton: the router's HTTP API on 8080. */
    static final String ROUTER_API_CLUSTER = "semantic_router_cluster";
    private static final String TIMEOUT = "300s";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The endpoint metadata namespace Envoy reads to pick a cluster's transport_socket_matches entry. */
    private static final String TLS_MATCH = "envoy.transport_socket_match";

    public static EnvoyRoutes of(ModelCatalog catalog) {
        ArrayNode routes = JSON.arrayNode();
        ArrayNode clusters = JSON.arrayNode();
        Set<String> names = new HashSet<>();
        catalog.models().forEach(m -> names.add(m.name()));
        for (ProviderModel model : catalog.models()) {
            routes.add(route(model.name(), model));
            for (Lora lora : model.loras()) {
                if (names.add(lora.name())) {
                    routes.add(route(lora.name(), model));
                }
            }
            clusters.add(cluster(model));
        }
        ObjectNode fallback = routes.addObject();
        fallback.putObject("match").put("prefix", "/");
        catalog.defaultModel().ifPresentOrElse(model -> target(model, fallback.putObject("route")),
                () -> fallback.putObject("route").put("cluster", ROUTER_API_CLUSTER).put("timeout", TIMEOUT));
        return new EnvoyRoutes(routes, clusters);
    }

    private static ObjectNode route(String selected, ProviderModel model) {
        ObjectNode route = JSON.objectNode();
        ObjectNode match = route.putObject("match");
        match.put("prefix", "/");
        ObjectNode header = match.putArray("headers").addObject();
        header.put("name", SELECTED_MODEL_HEADER);
        header.putObject("string_match").put("exact", selected);
        target(model, route.putObject("route"));
        return route;
    }

    private static void target(ProviderModel model, ObjectNode action) {
        action.put("cluster", model.clusterName());
        action.put("timeout", TIMEOUT);
        Set<String> authorities = new HashSet<>();
        model.backends().forEach(b -> authorities.add(b.endpoint()));
        if (authorities.size() == 1) {
            action.put("host_rewrite_literal", model.backends().get(0).endpoint());
        } else {
            action.put("auto_host_rewrite", true);
        }
    }

    private static ObjectNode cluster(ProviderModel model) {
        ObjectNode cluster = JSON.objectNode();
        cluster.put("name", model.clusterName());
        cluster.put("connect_timeout", "10s");
        cluster.put("type", model.backends().size() == 1 ? "LOGICAL_DNS" : "STRICT_DNS");
        cluster.put("dns_lookup_family", "V4_ONLY");
        cluster.put("lb_policy", "ROUND_ROBIN");
        boolean perEndpointTls = model.backends().stream().map(BackendRef::upstreamTls).distinct().count() > 1;
        ObjectNode assignment = cluster.putObject("load_assignment");
        assignment.put("cluster_name", model.clusterName());
        ArrayNode endpoints = assignment.putArray("endpoints").addObject().putArray("lb_endpoints");
        for (BackendRef backend : model.backends()) {
            ObjectNode lb = endpoints.addObject();
            ObjectNode endpoint = lb.putObject("endpoint");
            endpoint.putObject("address").putObject("socket_address")
                    .put("address", backend.host()).put("port_value", backend.port());
            endpoint.put("hostname", backend.endpoint());
            if (perEndpointTls && backend.tls()) {
                lb.putObject("metadata").putObject("filter_metadata").putObject(TLS_MATCH).put("backend", backend.name());
            }
            lb.put("load_balancing_weight", Math.max(1, backend.weight()));
        }
        ObjectNode options = cluster.putObject("typed_extension_protocol_options")
                .putObject("envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
        options.put("@type", "type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
        options.putObject("explicit_http_config").putObject("http_protocol_options");
        if (perEndpointTls) {
            tlsPerEndpoint(model, cluster);
        } else if (model.tls()) {
            cluster.set("transport_socket", UpstreamTlsSocket.of(model.backends().get(0).upstreamTls()));
        }
        return cluster;
    }

    /**
     * Endpoints of one model whose TLS differs (server name, trust, verification, or http beside
     * https: v0.3 routers allow it): each https endpoint matches its own transport socket by its
     * metadata, so SNI and the SAN check are those of its own host; the others stay plain.
     */
    private static void tlsPerEndpoint(ProviderModel model, ObjectNode cluster) {
        ArrayNode matches = cluster.putArray("transport_socket_matches");
        for (BackendRef backend : model.backends()) {
            if (backend.tls()) {
                ObjectNode match = matches.addObject();
                match.put("name", backend.name());
                match.putObject("match").put("backend", backend.name());
                match.set("transport_socket", UpstreamTlsSocket.of(backend.upstreamTls()));
            }
        }
    }
}
