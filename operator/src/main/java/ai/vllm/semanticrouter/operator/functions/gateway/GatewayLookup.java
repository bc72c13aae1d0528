package ai.vllm.semanticrouter.operator.functions.gateway;

import ai.vllm.semanticrouter.operator.functions.ClusterView;
import ai.vllm.semanticrouter.operator.functions.Dependency;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec;
import ai.vllm.semanticrouter.operator.functions.GatewayMode;
import ai.vllm.semanticrouter.operator.functions.router.ModelCatalog;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds which implementation serves the Gateway of {@code spec.gateway.existingRef} (its
 * GatewayClass's {@code controllerName}, or {@code spec.gateway.implementation}) and decides whether
 * the gateway objects can be rendered: the Gateway and its class exist, the implementation is known,
 * every kind to create is served, there is a model to route to. Anything else leaves every gateway
 * object out, with the reason.
 */
public final class GatewayLookup {
    /**
     * What the lookup reads: the Gateway a CR names, GatewayClasses (any may be the one), and
     * InferencePools, whose API appearing must bring back the CRs that route to one.
     */
    public static final List<Dependency> DEPENDENCIES = List.of(
            new Dependency(GatewayApi.GATEWAY.apiVersion(), GatewayApi.GATEWAY.kind(), GatewayLookup::gatewayRead),
            new Dependency(GatewayApi.GATEWAY_CLASS.apiVersion(), GatewayApi.GATEWAY_CLASS.kind(),
                    cr -> GatewayMode.of(cr) == GatewayMode.GATEWAY_INTEGRATION ? List.of(Dependency.Target.anyIn("")) : List.of()),
            new Dependency(GatewayApi.INFERENCE_POOL.apiVersion(), GatewayApi.INFERENCE_POOL.kind(), GatewayLookup::poolsRead));

    private final ClusterView view;

    public GatewayLookup(ClusterView view) {
        this.view = view;
    }

    public GatewayAttachment attach(JsonNode cr, DiscoveryReport discovery, ModelCatalog catalog, BackendTlsPlan tls) {
        if (GatewayMode.of(cr) == GatewayMode.STANDALONE) {
            return GatewayAttachment.standalone();
        }
        JsonNode gateway = cr.path("spec").path("gateway");
        String name = gateway.path("existingRef").path("name").asText();
        String namespace = gateway.path("existingRef").path("namespace").asText();
        Optional<GatewayImplementation> chosen = GatewayImplementation.byValue(gateway.path("implementation").asText(""));
        Lookup found = implementation(name, namespace, chosen);
        if (found.failure() != null) {
            return found.failure();
        }
        GatewayImplementation implementation = found.implementation();
        GatewayRoutes routes = GatewayRoutes.of(cr.path("metadata").path("namespace").asText(), discovery, catalog);
        List<GatewayApi.ApiKind> missing = missingKinds(implementation, routes, discovery);
        if (!missing.isEmpty()) {
            return GatewayAttachment.notAttached(name, namespace, implementation, "GatewayKindNotServed",
                    "the API server does not serve " + join(missing) + ", needed to attach the router to "
                            + label(implementation) + " Gateway " + namespace + "/" + name
                            + "; no gateway object is applied until it is installed");
        }
        if (catalog.models().isEmpty()) {
            return GatewayAttachment.notAttached(name, namespace, implementation, "NoModelToRoute",
                    "no backend of spec.vllmEndpoints is discovered, so the HTTPRoute would have no model to route to"
                            + " (see BackendsDiscovered); no gateway object is applied");
        }
        if (routes.problem() != null) {
            return GatewayAttachment.notAttached(name, namespace, implementation, "GatewayLimitsExceeded",
                    routes.problem() + "; no gateway object is applied");
        }
        String crNamespace = cr.path("metadata").path("namespace").asText();
        return new GatewayAttachment(true, true, implementation, name, namespace, ExtProcSettings.of(cr), routes,
                GatewayBackendTls.of(implementation, crNamespace, namespace, tls, discovery), GatewayAttachment.ATTACHED, "attached to " + label(implementation) + " Gateway " + namespace + "/" + name
                + found.how() + ": " + (routes.rules().size() - 1) + " model routes and a default route");
    }

    private Lookup implementation(String name, String namespace, Optional<GatewayImplementation> chosen) {
        String gatewayKey = namespace + "/" + name;
        if (!view.servesKind(GatewayApi.GATEWAY.apiVersion(), GatewayApi.GATEWAY.kind())) {
            return Lookup.failed(name, namespace, chosen, "GatewayAPINotInstalled", "the API server does not serve "
                    + GatewayApi.GATEWAY + ": install the Gateway API CRDs and a Gateway implementation"
                    + " (Envoy Gateway or Istio); no gateway object is applied");
        }
        Optional<ObjectNode> gateway = view.get(GatewayApi.GATEWAY.apiVersion(), GatewayApi.GATEWAY.kind(), namespace, name);
        if (gateway.isEmpty() && view.sees(GatewayApi.GATEWAY.apiVersion(), GatewayApi.GATEWAY.kind(), namespace)) {
            return Lookup.failed(name, namespace, chosen, "GatewayNotFound", "Gateway " + gatewayKey
                    + " (spec.gateway.existingRef) not found; no gateway object is applied until it exists");
        }
        if (chosen.isPresent()) {
            return new Lookup(chosen.get(), null, " (spec.gateway.implementation)");
        }
        if (gateway.isEmpty()) {
            return Lookup.failed(name, namespace, chosen, "GatewayNotVisible", "the operator does not watch namespace "
                    + namespace + " (--namespace), so it cannot read Gateway " + gatewayKey
                    + "; set spec.gateway.implementation to envoy-gateway or istio");
        }
        String className = gateway.get().path("spec").path("gatewayClassName").asText();
        Optional<ObjectNode> gatewayClass = view.get(GatewayApi.GATEWAY_CLASS.apiVersion(), GatewayApi.GATEWAY_CLASS.kind(),
                null, className);
        if (gatewayClass.isEmpty()) {
            return Lookup.failed(name, namespace, chosen, "GatewayClassNotFound", "GatewayClass \"" + className
                    + "\" of Gateway " + gatewayKey + " not found; no gateway object is applied until it exists");
        }
        String controller = gatewayClass.get().path("spec").path("controllerName").asText();
        return GatewayImplementation.byControllerName(controller)
                .map(i -> new Lookup(i, null, " (GatewayClass \"" + className + "\")"))
                .orElseGet(() -> Lookup.failed(name, namespace, chosen, "UnknownGatewayImplementation",
                        "GatewayClass \"" + className + "\" of Gateway " + gatewayKey + " is served by controller \""
                                + controller + "\"; the router attaches to " + known()
                                + "; set spec.gateway.implementation if the Gateway is one of them"));
    }

    private List<GatewayApi.ApiKind> missingKinds(GatewayImplementation implementation, GatewayRoutes routes,
                                                  DiscoveryReport discovery) {
        List<GatewayApi.ApiKind> needed = new ArrayList<>(implementation.kinds());
        if (!routes.referenceGrants().isEmpty()) {
            needed.add(GatewayApi.REFERENCE_GRANT);
        }
        if (discovery.resolved().stream().anyMatch(e -> !e.spec().inferencePool().isEmpty())) {
            needed.add(GatewayApi.INFERENCE_POOL);
        }
        return needed.stream().filter(k -> !view.servesKind(k.apiVersion(), k.kind())).toList();
    }

    private static String known() {
        List<String> known = new ArrayList<>();
        for (GatewayImplementation i : GatewayImplementation.values()) {
            known.add(label(i) + " (\"" + i.controllerName() + "\")");
        }
        return String.join(" and ", known);
    }

    static String label(GatewayImplementation implementation) {
        return implementation == GatewayImplementation.ISTIO ? "the Istio" : "the Envoy Gateway";
    }

    private static String join(List<GatewayApi.ApiKind> kinds) {
        return String.join(", ", kinds.stream().map(GatewayApi.ApiKind::toString).toList());
    }

    private static List<Dependency.Target> gatewayRead(JsonNode cr) {
        if (GatewayMode.of(cr) == GatewayMode.STANDALONE) {
            return List.of();
        }
        JsonNode ref = cr.path("spec").path("gateway").path("existingRef");
        return List.of(Dependency.Target.named(ref.path("namespace").asText(), ref.path("name").asText()));
    }

    private static List<Dependency.Target> poolsRead(JsonNode cr) {
        String namespace = cr.path("metadata").path("namespace").asText();
        return EndpointSpec.of(cr).stream().map(EndpointSpec::inferencePool).filter(pool -> !pool.isEmpty()).distinct()
                .map(pool -> Dependency.Target.named(namespace, pool)).toList();
    }

    /** The implementation found and how, or why not. */
    private record Lookup(GatewayImplementation implementation, GatewayAttachment failure, String how) {
        static Lookup failed(String name, String namespace, Optional<GatewayImplementation> chosen, String reason,
                             String message) {
            return new Lookup(null, GatewayAttachment.notAttached(name, namespace, chosen.orElse(null), reason, message), "");
        }
    }
}
