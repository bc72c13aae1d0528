package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the published entries of one router lead: the OpenShift Route {@code <cr>} and every path of
 * the Ingress {@code <cr>} must reach, through Service {@code <cr>}, the port Envoy listens on
 * (standalone mode: the sidecar that calls the router over ext_proc), never the management API.
 */
public final class PublishedEntries {
    /** The Service port that leads to the sidecar Envoy's listener. */
    public static final String ENVOY_PORT_NAME = "envoy-http";

    private PublishedEntries() {
    }

    /** What an entry leads to, e.g. "Route semantic-router -> Service port envoy-http (8801 -> 8801)". */
    public record Entry(String description, boolean reachesEnvoy) {
    }

    /** The Route and Ingress paths among {@code objects} (what render or the API server gives) for router {@code name}. */
    public static List<Entry> of(List<JsonNode> objects, String name, List<Integer> envoyListenerPorts) {
        JsonNode service = find(objects, "Service", name);
        List<Entry> entries = new ArrayList<>();
        JsonNode route = find(objects, "Route", name);
        if (!route.isMissingNode()) {
            JsonNode port = servicePort(service, route.path("spec").path("port").path("targetPort"));
            entries.add(entry("Route " + name, port, envoyListenerPorts));
        }
        JsonNode ingress = find(objects, "Ingress", name);
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                JsonNode wanted = backend.path("port").has("name") ? backend.path("port").path("name") : backend.path("port").path("number");
                JsonNode port = backend.path("name").asText().equals(name) ? servicePort(service, wanted) : null;
                entries.add(entry("Ingress " + name + " " + rule.path("host").asText("*") + path.path("path").asText(), port,
                        envoyListenerPorts));
            }
        }
        return entries;
    }

    /**
     * Why the sidecar bootstrap would not call the router, or empty: its listener's HTTP filters must
     * start with ext_proc, to a cluster of 127.0.0.1:50051 (the router container's grpc port in the pod).
     */
    public static java.util.Optional<String> envoyCallsTheRouter(String envoyYaml) {
        JsonNode bootstrap;
        try {
            bootstrap = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(envoyYaml);
        } catch (java.io.IOException e) {
            return java.util.Optional.of("envoy.yaml is not YAML: " + e.getMessage());
        }
        JsonNode filter = bootstrap.path("static_resources").path("listeners").path(0).path("filter_chains").path(0)
                .path("filters").path(0).path("typed_config").path("http_filters").path(0);
        if (!filter.path("name").asText().equals("envoy.filters.http.ext_proc")) {
            return java.util.Optional.of("the first HTTP filter is " + filter.path("name").asText("missing") + ", not ext_proc");
        }
        String cluster = filter.path("typed_config").path("grpc_service").path("envoy_grpc").path("cluster_name").asText();
        for (JsonNode c : bootstrap.path("static_resources").path("clusters")) {
            if (c.path("name").asText().equals(cluster)) {
                JsonNode socket = c.path("load_assignment").path("endpoints").path(0).path("lb_endpoints").path(0)
                        .path("endpoint").path("address").path("socket_address");
                String address = socket.path("address").asText() + ":" + socket.path("port_value").asInt();
                return address.equals("127.0.0.1:50051") ? java.util.Optional.empty()
                        : java.util.Optional.of("ext_proc cluster " + cluster + " is " + address + ", not the router's 127.0.0.1:50051");
            }
        }
        return java.util.Optional.of("ext_proc names cluster " + cluster + ", which the bootstrap does not define");
    }

    private static Entry entry(String what, JsonNode port, List<Integer> envoyListenerPorts) {
        if (port == null || port.isMissingNode()) {
            return new Entry(what + " -> no port of Service", false);
        }
        int target = port.path("targetPort").asInt(port.path("port").asInt());
        boolean envoy = ENVOY_PORT_NAME.equals(port.path("name").asText()) && envoyListenerPorts.contains(target);
        return new Entry(what + " -> Service port " + port.path("name").asText() + " (" + port.path("port").asInt()
                + " -> " + target + (envoy ? ", Envoy's listener" : "") + ")", envoy);
    }

    /** The Service port a Route's targetPort or an Ingress backend port names (by name, or by number). */
    private static JsonNode servicePort(JsonNode service, JsonNode reference) {
        for (JsonNode port : service.path("spec").path("ports")) {
            if (reference.isTextual() && reference.asText().equals(port.path("name").asText())
                    || reference.isNumber() && reference.asInt() == port.path("port").asInt()
                    || reference.isTextual() && reference.asText().equals(port.path("targetPort").asText())) {
                return port;
            }
        }
        return null;
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                && name.equals(o.path("metadata").path("name").asText())).findFirst()
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }
}
