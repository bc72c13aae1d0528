package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rendered sidecar bootstrap (data envoy.yaml of {@code <cr>-envoy-config}) made runnable on one
 * machine: only addresses and ports change, to loopback ones (the listener, the admin, the router's
 * ext_proc 50051 and API 8080 of the pod, each backend endpoint) and files the pod mounts to local
 * ones; routes, filters, clusters, weights, TLS and Host rewrites stay as rendered. Ports are free ones, since other builds share the machine.
 */
public final class LoopbackBootstrap {
    /** The clusters of the pod's own router (composition envoy-config): everything else is a backend. */
    public static final String EXT_PROC_CLUSTER = "extproc_service";
    public static final String ROUTER_API_CLUSTER = "semantic_router_cluster";
    private static final YAMLMapper YAML = new YAMLMapper();
    private final ObjectNode bootstrap;

    /** One rendered endpoint of a backend cluster: its address, port and Host name as the sidecar would use them. */
    public record Endpoint(String cluster, int index, String address, int port, String hostname, int weight) {
    }

    private LoopbackBootstrap(ObjectNode bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Parses {@code envoyYaml}; the listener and admin move to free loopback ports at once. */
    public static LoopbackBootstrap of(String envoyYaml) {
        try {
            LoopbackBootstrap result = new LoopbackBootstrap((ObjectNode) YAML.readTree(envoyYaml));
            ObjectNode listener = socket(result.bootstrap.path("static_resources").path("listeners").path(0).path("address"));
            listener.put("address", "127.0.0.1").put("port_value", freePort());
            socket(result.bootstrap.path("admin").path("address")).put("address", "127.0.0.1").put("port_value", freePort());
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("envoy.yaml is not YAML", e);
        }
    }

    /** The ext_proc cluster (the router's 50051 in the pod) to {@code port} on 127.0.0.1. */
    public LoopbackBootstrap extProc(int port) {
        return endpoint(EXT_PROC_CLUSTER, 0, port);
    }

    /** The router API cluster (the router's 8080 in the pod) to {@code port} on 127.0.0.1. */
    public LoopbackBootstrap routerApi(int port) {
        return endpoint(ROUTER_API_CLUSTER, 0, port);
    }

    /** Endpoint {@code index} of {@code cluster} to {@code port} on 127.0.0.1; its hostname (Host, SNI) is kept. */
    public LoopbackBootstrap endpoint(String cluster, int index, int port) {
        JsonNode lb = cluster(cluster).path("load_assignment").path("endpoints").path(0).path("lb_endpoints").path(index);
        if (lb.isMissingNode()) {
            throw new IllegalArgumentException("cluster " + cluster + " has no endpoint " + index);
        }
        socket(lb.path("endpoint").path("address")).put("address", "127.0.0.1").put("port_value", port);
        return this;
    }

    /**
     * Every value naming {@code podPath}, a file the pod mounts (the backend CA bundle at
     * /etc/envoy-backend-ca/ca.crt), to {@code local}: the bootstrap reads that file on this machine.
     */
    public LoopbackBootstrap podFile(String podPath, Path local) {
        replaceText(bootstrap, podPath, local.toString());
        return this;
    }

    private static void replaceText(JsonNode node, String from, String to) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name).isTextual() && object.get(name).asText().equals(from)) {
                    object.put(name, to);
                } else {
                    replaceText(object.get(name), from, to);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> replaceText(element, from, to));
        }
    }

    /** The rendered endpoints of every backend cluster (not the router's own), as rendered. */
    public List<Endpoint> backendEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JsonNode cluster : bootstrap.path("static_resources").path("clusters")) {
            String name = cluster.path("name").asText();
            if (name.equals(EXT_PROC_CLUSTER) || name.equals(ROUTER_API_CLUSTER)) {
                continue;
            }
            JsonNode lbs = cluster.path("load_assignment").path("endpoints").path(0).path("lb_endpoints");
            for (int i = 0; i < lbs.size(); i++) {
                JsonNode endpoint = lbs.get(i).path("endpoint");
                JsonNode socket = endpoint.path("address").path("socket_address");
                endpoints.add(new Endpoint(name, i, socket.path("address").asText(), socket.path("port_value").asInt(),
                        endpoint.path("hostname").asText(), lbs.get(i).path("load_balancing_weight").asInt(1)));
            }
        }
        return endpoints;
    }

    /** Cluster names by the exact x-selected-model value their route matches. */
    public Map<String, String> clusterBySelectedModel() {
        Map<String, String> clusters = new LinkedHashMap<>();
        for (JsonNode route : virtualHost().path("routes")) {
            for (JsonNode header : route.path("match").path("headers")) {
                clusters.put(header.path("string_match").path("exact").asText(), route.path("route").path("cluster").asText());
            }
        }
        return clusters;
    }

    /** The bootstrap with the loopback addresses, for {@link RealEnvoy#start}. */
    public ObjectNode json() {
        return bootstrap.deepCopy();
    }

    /** A TCP port free on 127.0.0.1 right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode virtualHost() {
        return bootstrap.path("static_resources").path("listeners").path(0).path("filter_chains").path(0).path("filters")
                .path(0).path("typed_config").path("route_config").path("virtual_hosts").path(0);
    }

    private JsonNode cluster(String name) {
        for (JsonNode cluster : bootstrap.path("static_resources").path("clusters")) {
            if (cluster.path("name").asText().equals(name)) {
                return cluster;
            }
        }
        throw new IllegalArgumentException("the bootstrap has no cluster " + name);
    }

    private static ObjectNode socket(JsonNode address) {
        if (!(address.path("socket_address") instanceof ObjectNode socket)) {
            throw new IllegalArgumentException("no socket_address in " + address);
        }
        return socket;
    }
}
