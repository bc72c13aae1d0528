package ai.vllm.semanticrouter.operator.functions.gateway;

import ai.vllm.semanticrouter.operator.functions.ClusterView;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec.Lora;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
import ai.vllm.semanticrouter.operator.functions.router.EnvoyRoutes;
import ai.vllm.semanticrouter.operator.functions.router.ModelCatalog;
import ai.vllm.semanticrouter.operator.functions.router.ProviderModel;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The HTTPRoute rules of gateway mode, the Gateway API twin of the sidecar's {@link EnvoyRoutes}: one
 * rule per model matching {@code x-selected-model} (the model's name or one of its LoRAs) and sending
 * to the model's backends by weight (its Services, or the InferencePool an endpoint names), then a
 * catch-all rule to the default model, needed because an implementation runs the ext_proc filter
 * only on a request that matched a route first. Services of other namespaces get a ReferenceGrant.
 */
public record GatewayRoutes(ArrayNode rules, ArrayNode referenceGrants, String problem) {
    /** Gateway API limits of an HTTPRoute: rules, matches per rule, backendRefs per rule. */
    static final int MAX_RULES = 16;
    static final int MAX_MATCHES = 64;
    static final int MAX_BACKENDS = 16;
    /** How many other namespaces the compositions can grant (one ReferenceGrant template each). */
    static final int MAX_GRANT_NAMESPACES = 4;
    private static final String TIMEOUT = "300s";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    public static GatewayRoutes of(String namespace, DiscoveryReport discovery, ModelCatalog catalog) {
        ArrayNode rules = JSON.arrayNode();
        Set<String> names = new HashSet<>();
        catalog.models().forEach(m -> names.add(m.name()));
        Map<String, Set<String>> granted = new TreeMap<>();
        for (ProviderModel model : catalog.models()) {
            List<String> selected = new ArrayList<>(List.of(model.name()));
            model.loras().stream().map(Lora::name).filter(names::add).forEach(selected::add);
            ObjectNode rule = rules.addObject();
            ArrayNode matches = rule.putArray("matches");
            selected.forEach(name -> matches.addObject().setAll(selectedModel(name)));
            rule.set("backendRefs", backendRefs(namespace, endpointsOf(discovery, model), granted));
            rule.putObject("timeouts").put("request", TIMEOUT);
        }
        catalog.defaultModel().ifPresent(model -> {
            ObjectNode fallback = rules.addObject();
            fallback.putArray("matches").addObject().putObject("path").put("type", "PathPrefix").put("value", "/");
            fallback.set("backendRefs", rules.get(0).get("backendRefs").deepCopy());
            fallback.putObject("timeouts").put("request", TIMEOUT);
        });
        return new GatewayRoutes(rules, grants(namespace, granted), problem(rules, granted));
    }

    private static ObjectNode selectedModel(String name) {
        ObjectNode match = JSON.objectNode();
        match.putObject("path").put("type", "PathPrefix").put("value", "/");
        match.putArray("headers").addObject().put("type", "Exact")
                .put("name", EnvoyRoutes.SELECTED_MODEL_HEADER).put("value", name);
        return match;
    }

    private static List<ResolvedEndpoint> endpointsOf(DiscoveryReport discovery, ProviderModel model) {
        return discovery.resolved().stream().filter(e -> e.spec().model().equals(model.name())).toList();
    }

    private static ArrayNode backendRefs(String namespace, List<ResolvedEndpoint> endpoints, Map<String, Set<String>> granted) {
        ArrayNode refs = JSON.arrayNode();
        for (ResolvedEndpoint endpoint : endpoints) {
            ObjectNode ref = refs.addObject();
            String pool = endpoint.spec().inferencePool();
            if (!pool.isEmpty()) {
                ref.put("group", ClusterView.groupOf(GatewayApi.INFERENCE_POOL.apiVersion())).put("kind", GatewayApi.INFERENCE_POOL.kind())
                        .put("name", pool);
            } else {
                ref.put("group", "").put("kind", "Service").put("name", endpoint.serviceName());
                if (!endpoint.serviceNamespace().equals(namespace)) {
                    ref.put("namespace", endpoint.serviceNamespace());
                    granted.computeIfAbsent(endpoint.serviceNamespace(), n -> new TreeSet<>()).add(endpoint.serviceName());
                }
                ref.put("port", endpoint.port());
            }
            ref.put("weight", endpoint.spec().weight());
        }
        return refs;
    }

    /** One ReferenceGrant per other namespace: HTTPRoutes of the CR's namespace may send to these Services. */
    private static ArrayNode grants(String namespace, Map<String, Set<String>> granted) {
        ArrayNode grants = JSON.arrayNode();
        granted.forEach((target, services) -> {
            ObjectNode grant = grants.addObject();
            grant.put("namespace", target);
            grant.putArray("from").addObject().put("group", ClusterView.groupOf(GatewayApi.HTTP_ROUTE.apiVersion()))
                    .put("kind", GatewayApi.HTTP_ROUTE.kind()).put("namespace", namespace);
            ArrayNode to = grant.putArray("to");
            services.forEach(service -> to.addObject().put("group", "").put("kind", "Service").put("name", service));
        });
        return grants;
    }

    /** Why these rules do not fit one HTTPRoute (and the grant templates), or null. */
    private static String problem(ArrayNode rules, Map<String, Set<String>> granted) {
        if (rules.size() > MAX_RULES) {
            return rules.size() - 1 + " models need " + rules.size() + " HTTPRoute rules; the Gateway API allows "
                    + MAX_RULES + " (at most " + (MAX_RULES - 1) + " models in gateway mode)";
        }
        for (var rule : rules) {
            if (rule.path("matches").size() > MAX_MATCHES || rule.path("backendRefs").size() > MAX_BACKENDS) {
                return "the rule of model " + rule.path("matches").path(0).path("headers").path(0).path("value").asText()
                        + " has " + rule.path("matches").size() + " names (model and LoRAs, at most " + MAX_MATCHES
                        + ") and " + rule.path("backendRefs").size() + " endpoints (at most " + MAX_BACKENDS + ")";
            }
        }
        if (granted.size() > MAX_GRANT_NAMESPACES) {
            return "backends in " + granted.size() + " other namespaces " + granted.keySet() + "; gateway mode grants at most "
                    + MAX_GRANT_NAMESPACES;
        }
        return null;
    }
}
