package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Resolves {@code spec.vllmEndpoints} to addresses: KServe predictors, Llama Stack Services found by
 * labels (first by name, so the choice is stable), or named Services. Failures are reported, never
 * thrown: the reconcile goes on with the backends that resolved. A named Service is explicit
 * configuration: it is always configured as written, and a Service that is missing or lacks the
 * port (when its namespace is watched) is reported as a failure beside it.
 */
public final class BackendDiscovery {
    public static final String INFERENCE_SERVICE_API = "serving.kserve.io/v1beta1";
    public static final String INFERENCE_SERVICE_KIND = "InferenceService";
    private static final Logger LOG = LoggerFactory.getLogger(BackendDiscovery.class);
    private static final int KSERVE_PORT = 8443;

    private final ClusterView view;

    /**
     * What discovery reads: Services (a Llama Stack backend selects any Service of the CR's namespace
     * by labels, a service backend names one) and KServe InferenceServices of the CR's namespace.
     */
    public static final java.util.List<Dependency> DEPENDENCIES = java.util.List.of(
            new Dependency("v1", "Service", BackendDiscovery::servicesRead),
            new Dependency(INFERENCE_SERVICE_API, INFERENCE_SERVICE_KIND, BackendDiscovery::inferenceServicesRead));

    public BackendDiscovery(ClusterView view) {
        this.view = view;
    }

    /** Discovers every endpoint of the CR, logging each failure and "No backends found" if none resolves. */
    public DiscoveryReport discover(JsonNode cr) {
        String namespace = cr.path("metadata").path("namespace").asText("");
        String crName = cr.path("metadata").path("name").asText("");
        List<ResolvedEndpoint> resolved = new ArrayList<>();
        List<DiscoveryFailure> failures = new ArrayList<>();
        for (EndpointSpec endpoint : EndpointSpec.of(cr)) {
            Resolution resolution = resolve(endpoint, namespace);
            if (resolution.endpoint() != null && resolution.problem() != null) {
                resolved.add(resolution.endpoint());
                failures.add(new DiscoveryFailure(endpoint, resolution.problem()));
                LOG.warn("Failed to discover backend endpoint semanticrouter={}/{} endpoint={} type={}: {} "
                                + "(configured as written: {}:{})", namespace, crName, endpoint.name(),
                        endpoint.backend().type(), resolution.problem(), resolution.endpoint().address(),
                        resolution.endpoint().port());
            } else if (resolution.endpoint() != null) {
                resolved.add(resolution.endpoint());
                LOG.debug("Discovered backend endpoint semanticrouter={}/{} endpoint={} address={} port={}",
                        namespace, crName, endpoint.name(), resolution.endpoint().address(),
                        resolution.endpoint().port());
            } else {
                failures.add(new DiscoveryFailure(endpoint, resolution.problem()));
                LOG.warn("Failed to discover backend endpoint semanticrouter={}/{} endpoint={} type={}: {}",
                        namespace, crName, endpoint.name(), endpoint.backend().type(), resolution.problem());
            }
        }
        if (resolved.isEmpty() && !failures.isEmpty()) {
            LOG.warn("No backends found semanticrouter={}/{}: none of {} endpoints resolved",
                    namespace, crName, failures.size());
        }
        return new DiscoveryReport(resolved, failures);
    }

    private Resolution resolve(EndpointSpec endpoint, String namespace) {
        Backend backend = endpoint.backend();
        if (backend instanceof Backend.KServe kserve) {
            return kserve(endpoint, kserve, namespace);
        }
        if (backend instanceof Backend.LlamaStack llama) {
            return llamaStack(endpoint, llama, namespace);
        }
        if (backend instanceof Backend.ServiceRef service) {
            return service(endpoint, service, namespace);
        }
        return Resolution.failed("unsupported backend type '" + backend.type() + "'");
    }

    private Resolution kserve(EndpointSpec endpoint, Backend.KServe kserve, String namespace) {
        String isvc = kserve.inferenceServiceName();
        if (isvc.isEmpty()) {
            return Resolution.failed("backend.inferenceServiceName is empty");
        }
        if (!view.servesKind(INFERENCE_SERVICE_API, INFERENCE_SERVICE_KIND)) {
            return Resolution.failed("InferenceService " + namespace + "/" + isvc
                    + " not found (KServe API " + INFERENCE_SERVICE_API + " is not installed)");
        }
        if (view.get(INFERENCE_SERVICE_API, INFERENCE_SERVICE_KIND, namespace, isvc).isEmpty()) {
            return Resolution.failed("InferenceService " + namespace + "/" + isvc + " not found");
        }
        String address = isvc + "-predictor." + namespace + ".svc.cluster.local";
        return Resolution.of(new ResolvedEndpoint(endpoint, address, KSERVE_PORT, true));
    }

    private Resolution llamaStack(EndpointSpec endpoint, Backend.LlamaStack llama, String namespace) {
        Map<String, String> wanted = llama.discoveryLabels();
        if (wanted.isEmpty()) {
            return Resolution.failed("backend.discoveryLabels is empty");
        }
        String selector = "Service in " + namespace + " with labels " + wanted;
        List<ObjectNode> matches = view.list("v1", "Service", namespace).stream()
                .filter(service -> hasLabels(service, wanted))
                .toList();
        if (matches.isEmpty()) {
            return Resolution.failed("no " + selector);
        }
        ObjectNode first = matches.get(0);
        String name = first.path("metadata").path("name").asText();
        JsonNode port = first.path("spec").path("ports").path(0).path("port");
        if (!port.canConvertToInt() || port.asInt() <= 0) {
            return Resolution.failed(selector + ": Service " + name + " has no ports");
        }
        String address = name + "." + namespace + ".svc.cluster.local";
        return Resolution.of(new ResolvedEndpoint(endpoint, address, port.asInt(), false));
    }

    private Resolution service(EndpointSpec endpoint, Backend.ServiceRef service, String namespace) {
        if (service.name().isEmpty()) {
            return Resolution.failed("backend.service.name is empty");
        }
        if (service.port() <= 0) {
            return Resolution.failed("backend.service.port is not set");
        }
        String serviceNamespace = service.namespace().isEmpty() ? namespace : service.namespace();
        String serviceKey = serviceNamespace + "/" + service.name();
        String address = service.name() + "." + serviceNamespace + ".svc.cluster.local";
        Resolution resolved = Resolution.of(new ResolvedEndpoint(endpoint, address, service.port(), false));
        if (!view.sees("v1", "Service", serviceNamespace)) {
            LOG.debug("Service {} not checked: the operator does not see Services in namespace {} "
                    + "(--namespace, or its cache has not synced yet)", serviceKey, serviceNamespace);
            return resolved;
        }
        Optional<ObjectNode> found = view.get("v1", "Service", serviceNamespace, service.name());
        if (found.isEmpty()) {
            return resolved.withProblem("Service " + serviceKey + " not found");
        }
        String problem = portProblem(serviceKey, found.get().path("spec"), service.port());
        return problem == null ? resolved : resolved.withProblem(problem);
    }

    /** Why the Service does not take traffic on that port, or null. */
    private static String portProblem(String serviceKey, JsonNode spec, int port) {
        if ("ExternalName".equals(spec.path("type").asText()) || "None".equals(spec.path("clusterIP").asText())) {
            return null; // its name resolves to another host or straight to the pods: any port may be right
        }
        List<Integer> ports = new ArrayList<>();
        spec.path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        if (ports.contains(port)) {
            return null;
        }
        String has = ports.isEmpty() ? "none" : ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "Service " + serviceKey + " has no port " + port + " (its ports: " + has + ")";
    }

    private static boolean hasLabels(JsonNode object, Map<String, String> wanted) {
        JsonNode labels = object.path("metadata").path("labels");
        return wanted.entrySet().stream()
                .allMatch(e -> labels.path(e.getKey()).isTextual() && labels.path(e.getKey()).asText().equals(e.getValue()));
    }

    private record Resolution(ResolvedEndpoint endpoint, String problem) {
        static Resolution of(ResolvedEndpoint endpoint) {
            return new Resolution(endpoint, null);
        }

        static Resolution failed(String problem) {
            return new Resolution(null, problem);
        }

        /** Configured anyway (explicit configuration), with the problem reported beside it. */
        Resolution withProblem(String problem) {
            return new Resolution(endpoint, problem);
        }
    }

    /** The Services a CR reads: every one of its namespace for a llamastack backend, the named one for a service backend. */
    private static List<Dependency.Target> servicesRead(JsonNode cr) {
        String crNamespace = cr.path("metadata").path("namespace").asText();
        List<Dependency.Target> targets = new ArrayList<>();
        for (EndpointSpec endpoint : EndpointSpec.of(cr)) {
            if (endpoint.backend() instanceof Backend.LlamaStack) {
                targets.add(Dependency.Target.anyIn(crNamespace));
            } else if (endpoint.backend() instanceof Backend.ServiceRef ref) {
                targets.add(Dependency.Target.named(ref.namespace().isEmpty() ? crNamespace : ref.namespace(), ref.name()));
            }
        }
        return targets;
    }

    /** The InferenceServices a CR reads: the one each kserve backend names, in the CR's namespace. */
    private static List<Dependency.Target> inferenceServicesRead(JsonNode cr) {
        String crNamespace = cr.path("metadata").path("namespace").asText();
        return EndpointSpec.of(cr).stream()
                .filter(e -> e.backend() instanceof Backend.KServe)
                .map(e -> Dependency.Target.named(crNamespace, ((Backend.KServe) e.backend()).inferenceServiceName()))
                .toList();
    }
}
