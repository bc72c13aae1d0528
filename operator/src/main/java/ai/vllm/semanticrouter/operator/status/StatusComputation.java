package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.GatewayMode;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StorageVerdict;
import ai.vllm.semanticrouter.operator.functions.router.EnvoyRoutes;
import ai.vllm.semanticrouter.operator.functions.gateway.GatewayAttachment;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Computes the CR's whole status from {@link StatusInputs}. Ready=True only when every replica is
 * ready and nothing is degraded (for {@code kubectl wait}); Stalled and Reconciling follow kstatus's
 * conventions ({@link KstatusConditions}); every condition carries observedGeneration, and
 * lastTransitionTime changes only when a condition flips.
 */
public final class StatusComputation {
    private final Clock clock;

    public StatusComputation(Clock clock) {
        this.clock = clock;
    }

    public ObjectNode compute(StatusInputs inputs) {
        JsonNode cr = inputs.cr();
        long generation = cr.path("metadata").path("generation").asLong(0);
        ReplicaState replicas = ReplicaState.of(inputs.deployment());
        List<Problem> degradations = degradations(inputs);
        List<ResourceReadiness> notReady = inputs.resources().stream().filter(r -> !r.ready()).toList();
        List<Problem> failures = inputs.problems().stream()
                .filter(p -> !Problem.API_NOT_INSTALLED.equals(p.reason())).toList();
        List<Problem> stalling = KstatusConditions.stalling(degradations);
        List<Problem> transientFailures = failures.stream().filter(p -> !stalling.contains(p)).toList();
        Phase phase = failures.isEmpty() ? replicas.phase() : Phase.Failed;

        ObjectNode status = baseStatus(inputs.compositionStatus());
        status.put("observedGeneration", generation);
        status.put("phase", phase.name());
        status.put("replicas", replicas.replicas());
        status.put("readyReplicas", replicas.ready());
        List<Condition> conditions = new ArrayList<>(List.of(
                ready(phase, replicas, degradations, notReady),
                replicas.available(),
                failures.isEmpty() ? replicas.progressing()
                        : Condition.of(Condition.PROGRESSING, false, failures.get(0).reason(), failures.get(0).message()),
                degraded(degradations),
                backends(inputs.environment().discovery()),
                storage(inputs.environment().storage()),
                RouterConfigCondition.of(inputs.environment().router()),
                KstatusConditions.stalled(stalling),
                KstatusConditions.reconciling(stalling, transientFailures, replicas, notReady)));
        BackendTlsCondition.of(inputs.environment()).ifPresent(c -> conditions.add(conditions.size() - 2, c));
        conditions.addAll(GatewayConditions.of(inputs.environment().gateway()));
        status.set("conditions", settle(conditions, cr.path("status").path("conditions"), generation));
        status.put("gatewayMode", inputs.environment().gatewayMode().value());
        status.set("chatEntry", inputs.environment().gatewayMode() == GatewayMode.STANDALONE ? chatEntry(cr) : gatewayEntry(cr));
        status.set("router", inputs.environment().router().status());
        if (inputs.environment().platform() == Platform.OPENSHIFT) {
            status.set("openshiftFeatures", openshiftFeatures(inputs));
        }
        return status;
    }

    private static ObjectNode baseStatus(JsonNode compositionStatus) {
        if (compositionStatus == null || !compositionStatus.isObject()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode status = compositionStatus.has("status") ? compositionStatus.get("status") : compositionStatus;
        return status.isObject() ? ((ObjectNode) status).deepCopy()
                : JsonNodeFactory.instance.objectNode();
    }

    private static List<Problem> degradations(StatusInputs inputs) {
        List<Problem> all = new ArrayList<>(inputs.problems());
        StorageVerdict storage = inputs.environment().storage();
        if (!storage.ready()) {
            all.add(new Problem(storage.reason(), storage.message()));
        }
        DiscoveryReport discovery = inputs.environment().discovery();
        if (!discovery.complete()) {
            all.add(new Problem(Problem.BACKEND_NOT_FOUND, discovery.failureMessage()));
        }
        GatewayAttachment gateway = inputs.environment().gateway();
        if (gateway.gatewayMode() && !gateway.attached()) {
            all.add(new Problem(gateway.reason(), gateway.message()));
        }
        return all;
    }

    /**
     * Ready is decided by the compositions' readiness checks (every rendered object ready) and the
     * absence of problems; the replica counts only explain a Deployment that is not ready yet.
     */
    private static Condition ready(Phase phase, ReplicaState replicas, List<Problem> degradations,
                                   List<ResourceReadiness> notReady) {
        if (!degradations.isEmpty()) {
            return Condition.of(Condition.READY, false, degradations.get(0).reason(), join(degradations));
        }
        if (notReady.isEmpty() && replicas.exists()) {
            return Condition.of(Condition.READY, true, "Ready",
                    "All replicas are ready, every backend is discovered and every resource is applied");
        }
        if (phase != Phase.Running) {
            Condition available = replicas.available();
            String reason = available.status() ? "ReplicasNotReady" : available.reason();
            return Condition.of(Condition.READY, false, reason,
                    available.status() ? replicas.progress() : available.message());
        }
        return Condition.of(Condition.READY, false, "ResourcesNotReady",
                notReady.isEmpty() ? "Deployment has not been created yet" : ResourceReadiness.describe(notReady));
    }

    private static Condition degraded(List<Problem> degradations) {
        if (degradations.isEmpty()) {
            return Condition.of(Condition.DEGRADED, false, "AsExpected", "No problems found");
        }
        return Condition.of(Condition.DEGRADED, true, degradations.get(0).reason(), join(degradations));
    }

    private static Condition backends(DiscoveryReport discovery) {
        if (discovery.configured() == 0) {
            return Condition.of(Condition.BACKENDS_DISCOVERED, true, "NoBackendsConfigured",
                    "spec.vllmEndpoints is empty");
        }
        if (!discovery.complete()) {
            return Condition.of(Condition.BACKENDS_DISCOVERED, false, Problem.BACKEND_NOT_FOUND,
                    discovery.failureMessage());
        }
        return Condition.of(Condition.BACKENDS_DISCOVERED, true, "AllBackendsDiscovered",
                discovery.resolved().size() + " of " + discovery.configured() + " backends discovered");
    }

    private static Condition storage(StorageVerdict storage) {
        return Condition.of(Condition.STORAGE_READY, storage.ready(), storage.reason(), storage.message());
    }

    private ArrayNode settle(List<Condition> conditions, JsonNode previous, long generation) {
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (Condition condition : conditions) {
            JsonNode before = null;
            for (JsonNode candidate : previous) {
                if (condition.type().equals(candidate.path("type").asText())) {
                    before = candidate;
                }
            }
            array.add(condition.settle(before, generation, now).toJson());
        }
        return array;
    }

    /** The Service port where chat requests meet Envoy, which calls the router (not the management API). */
    private static ObjectNode chatEntry(JsonNode cr) {
        String name = cr.path("metadata").path("name").asText();
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("service", name);
        entry.put("portName", EnvoyRoutes.LISTENER_PORT_NAME);
        entry.put("port", EnvoyRoutes.LISTENER_PORT);
        entry.put("url", "http://" + name + "." + cr.path("metadata").path("namespace").asText("default") + ".svc:"
                + EnvoyRoutes.LISTENER_PORT + "/v1/chat/completions");
        return entry;
    }

    /** Gateway mode: chat enters through the Gateway the CR names, whose Envoy calls the router. */
    private static ObjectNode gatewayEntry(JsonNode cr) {
        JsonNode ref = cr.path("spec").path("gateway").path("existingRef");
        ObjectNode entry = JsonNodeFactory.instance.objectNode();
        entry.put("gateway", ref.path("namespace").asText("") + "/" + ref.path("name").asText(""));
        return entry;
    }

    private static ObjectNode openshiftFeatures(StatusInputs inputs) {
        ObjectNode features = JsonNodeFactory.instance.objectNode();
        features.put("routesEnabled", inputs.routeRendered());
        String host = inputs.route() == null ? ""
                : inputs.route().path("status").path("ingress").path(0).path("host").asText("");
        if (!host.isEmpty()) {
            features.put("routeHostname", host);
        }
        return features;
    }

    private static String join(List<Problem> problems) {
        return problems.stream().map(Problem::message).collect(Collectors.joining("; "));
    }
}
