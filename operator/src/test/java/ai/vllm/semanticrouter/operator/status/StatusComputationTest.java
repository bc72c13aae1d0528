package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.Readiness;
import ai.vllm.semanticrouter.operator.catalog.CompositionCatalog;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.Environment;
import ai.vllm.semanticrouter.operator.functions.EnvironmentFunctions;
import ai.vllm.semanticrouter.operator.functions.GatewayMode;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import ai.vllm.semanticrouter.operator.functions.StorageVerdict;
import ai.vllm.semanticrouter.operator.functions.models.ModelProvisioning;
import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class StatusComputationTest {
    private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);
    private static final CompositionSet COMPOSITIONS = CompositionCatalog.builtIn();
    private static final ObjectNode CR = yaml("metadata: {name: r, namespace: ns, generation: 4}\nspec: {}\n");

    @Test
    void withoutADeploymentThePhaseIsPendingAndNotReady() {
        ObjectNode status = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), null, List.of()));
        assertThat(status.path("phase").asText()).isEqualTo("Pending");
        assertThat(status.path("observedGeneration").asLong()).isEqualTo(4);
        assertThat(status.path("replicas").asInt()).isZero();
        assertThat(condition(status, "Ready").path("status").asText()).isEqualTo("False");
        assertThat(condition(status, "Ready").path("reason").asText()).isEqualTo("DeploymentNotFound");
        assertThat(condition(status, "Available").path("reason").asText()).isEqualTo("DeploymentNotFound");
        assertThat(condition(status, "Ready").path("observedGeneration").asLong()).isEqualTo(4);
        assertThat(status.path("gatewayMode").asText()).isEqualTo("standalone");
        assertThat(status.has("openshiftFeatures")).isFalse();
    }

    @Test
    void phasesFollowTheDeploymentReplicas() {
        assertThat(phase(deployment(3, 3, 0))).isEqualTo("Pending");
        assertThat(phase(deployment(3, 3, 2))).isEqualTo("Progressing");
        assertThat(phase(deployment(3, 3, 3))).isEqualTo("Running");
        ObjectNode status = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment(3, 3, 2), List.of()));
        assertThat(condition(status, "Progressing").path("message").asText()).isEqualTo("2/3 replicas ready");
        assertThat(condition(status, "Available").path("status").asText()).isEqualTo("True");
        assertThat(condition(status, "Ready").path("reason").asText()).isEqualTo("ReplicasNotReady");
    }

    @Test
    void readyOnlyWhenEverythingIsFine() {
        ObjectNode status = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment(2, 2, 2), List.of()));
        assertThat(condition(status, "Ready").path("status").asText()).isEqualTo("True");
        assertThat(condition(status, "Degraded").path("status").asText()).isEqualTo("False");
        assertThat(condition(status, "Progressing").path("status").asText()).isEqualTo("False");
        assertThat(status.path("readyReplicas").asInt()).isEqualTo(2);

        Environment missingBackend = new EnvironmentFunctions(new StaticClusterView()).compute(yaml("""
                metadata: {name: r, namespace: ns}
                spec:
                  persistence: {storageClassName: gone}
                  vllmEndpoints: [{name: e, model: m, backend: {type: kserve, inferenceServiceName: isvc}}]
                """), Platform.KUBERNETES);
        ObjectNode degraded = new StatusComputation(T1).compute(inputs(CR, missingBackend, deployment(2, 2, 2), List.of()));
        assertThat(degraded.path("phase").asText()).isEqualTo("Running");
        assertThat(condition(degraded, "Ready").path("status").asText()).isEqualTo("False");
        assertThat(condition(degraded, "Ready").path("reason").asText()).isEqualTo("StorageClassNotFound");
        assertThat(condition(degraded, "BackendsDiscovered").path("reason").asText()).isEqualTo("BackendNotFound");
        assertThat(condition(degraded, "BackendsDiscovered").path("message").asText())
                .contains("endpoint 'e' (kserve)").contains("InferenceService ns/isvc not found");
        assertThat(condition(degraded, "StorageReady").path("status").asText()).isEqualTo("False");
        assertThat(condition(degraded, "Degraded").path("message").asText()).contains("gone").contains("isvc");
    }

    @Test
    void applyFailuresMakeThePhaseFailed() {
        ObjectNode status = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment(1, 1, 1),
                List.of(new Problem(Problem.APPLY_FAILED, "Failed to apply Service ns/r: invalid"))));
        assertThat(status.path("phase").asText()).isEqualTo("Failed");
        assertThat(condition(status, "Ready").path("reason").asText()).isEqualTo("ApplyFailed");
        assertThat(condition(status, "Degraded").path("message").asText()).contains("Service ns/r: invalid");
    }

    @Test
    void aMissingApiDegradesButDoesNotFail() {
        ObjectNode status = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment(1, 1, 1),
                List.of(new Problem(Problem.API_NOT_INSTALLED, "The API server does not serve gateway.networking.k8s.io/v1 HTTPRoute"))));
        assertThat(status.path("phase").asText()).isEqualTo("Running");
        assertThat(condition(status, "Ready").path("reason").asText()).isEqualTo("APINotInstalled");
        assertThat(condition(status, "Degraded").path("status").asText()).isEqualTo("True");
    }

    @Test
    void stalledWhenOnlyAUserCanHelpAndNeverReconcilingThen() {
        Environment missingBackend = new EnvironmentFunctions(new StaticClusterView()).compute(yaml("""
                metadata: {name: r, namespace: ns}
                spec:
                  persistence: {storageClassName: gone}
                  vllmEndpoints: [{name: e, model: m, backend: {type: kserve, inferenceServiceName: isvc}}]
                """), Platform.KUBERNETES);
        ObjectNode status = new StatusComputation(T1).compute(inputs(CR, missingBackend, deployment(1, 1, 0), List.of()));
        assertThat(condition(status, "Stalled").path("status").asText()).isEqualTo("True");
        assertThat(condition(status, "Stalled").path("reason").asText()).isEqualTo("StorageClassNotFound");
        assertThat(condition(status, "Stalled").path("message").asText()).contains("gone", "InferenceService ns/isvc");
        assertThat(condition(status, "Stalled").path("observedGeneration").asLong()).isEqualTo(4);
        assertThat(condition(status, "Reconciling").path("status").asText()).isEqualTo("False");
        assertThat(condition(status, "Reconciling").path("reason").asText()).isEqualTo("Stalled");

        for (String reason : List.of(Problem.ROUTER_CONFIG_INVALID, Problem.RENDER_FAILED, Problem.INVALID_SPEC)) {
            ObjectNode stalled = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES),
                    deployment(1, 1, 1), List.of(new Problem(reason, "what is wrong"))));
            assertThat(condition(stalled, "Stalled").path("reason").asText()).isEqualTo(reason);
            assertThat(condition(stalled, "Reconciling").path("status").asText()).isEqualTo("False");
        }
    }

    @Test
    void reconcilingWhileWorkIsInFlight() {
        assertThat(reconciling(null, List.of())).isEqualTo("True/DeploymentNotFound");
        assertThat(reconciling(deployment(2, 2, 1), List.of())).isEqualTo("True/ReplicasNotReady");
        ObjectNode rollingOut = yaml("{metadata: {generation: 3}, spec: {replicas: 1},"
                + " status: {observedGeneration: 2, replicas: 1, readyReplicas: 1, updatedReplicas: 1}}");
        assertThat(reconciling(rollingOut, List.of())).isEqualTo("True/RollingOut");
        ObjectNode updating = yaml("{metadata: {generation: 3}, spec: {replicas: 2},"
                + " status: {observedGeneration: 3, replicas: 2, readyReplicas: 2, updatedReplicas: 1}}");
        assertThat(reconciling(updating, List.of())).isEqualTo("True/RollingOut");
        assertThat(reconciling(deployment(1, 1, 1), List.of(new Problem(Problem.APPLY_FAILED, "Failed to apply x"))))
                .as("a transient failure is retried, not stalled").isEqualTo("True/ApplyFailed");
        assertThat(reconciling(deployment(1, 1, 1), List.of())).isEqualTo("False/ReconcileComplete");
        ObjectNode converged = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment(1, 1, 1), List.of()));
        assertThat(condition(converged, "Stalled").path("status").asText()).isEqualTo("False");
    }

    @Test
    void aClusterWithoutADefaultStorageClassStallsAPvcThatNeedsOne() {
        ObjectNode cr = yaml("metadata: {name: r, namespace: ns, generation: 1}\nspec: {persistence: {enabled: true}}\n");
        Environment environment = new EnvironmentFunctions(new StaticClusterView()).compute(cr, Platform.KUBERNETES);
        ObjectNode status = new StatusComputation(T1).compute(inputs(cr, environment, deployment(1, 1, 1), List.of()));
        assertThat(condition(status, "StorageReady").path("status").asText()).isEqualTo("False");
        assertThat(condition(status, "StorageReady").path("reason").asText()).isEqualTo("NoDefaultStorageClass");
        assertThat(condition(status, "Stalled").path("reason").asText()).isEqualTo("NoDefaultStorageClass");
        assertThat(condition(status, "Ready").path("status").asText()).isEqualTo("False");
    }

    private static String reconciling(JsonNode deployment, List<Problem> problems) {
        JsonNode condition = condition(new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES),
                deployment, problems)), "Reconciling");
        return condition.path("status").asText() + "/" + condition.path("reason").asText();
    }

    @Test
    void readyIsDecidedByTheCompositionsReadinessChecks() {
        ObjectNode unadmittedRoute = yaml("{status: {ingress: []}}");
        StatusInputs in = new StatusInputs(CR, fine(Platform.OPENSHIFT), deployment(1, 1, 1), unadmittedRoute, true,
                List.of(), null, List.of(readiness("deployment", deployment(1, 1, 1)), readiness("route", unadmittedRoute)));
        ObjectNode status = new StatusComputation(T1).compute(in);
        assertThat(status.path("phase").asText()).as("the phase follows the replicas").isEqualTo("Running");
        assertThat(condition(status, "Ready").path("status").asText()).isEqualTo("False");
        assertThat(condition(status, "Ready").path("reason").asText()).isEqualTo("ResourcesNotReady");
        assertThat(condition(status, "Ready").path("message").asText()).isEqualTo("object of route (route) not ready");
        assertThat(condition(status, "Reconciling").path("reason").asText()).isEqualTo("ResourcesNotReady");

        assertThat(COMPOSITIONS.readiness("deployment", deployment(3, 3, 2))).isEqualTo(Readiness.NOT_READY);
        assertThat(COMPOSITIONS.readiness("deployment", deployment(3, 4, 3))).as("a surge pod not ready yet")
                .isEqualTo(Readiness.NOT_READY);
        assertThat(COMPOSITIONS.readiness("deployment", yaml("{spec: {replicas: 0}, status: {}}"))).isEqualTo(Readiness.NOT_READY);
        assertThat(COMPOSITIONS.readiness("deployment", deployment(3, 3, 3))).isEqualTo(Readiness.READY);
        assertThat(COMPOSITIONS.readiness("deployment", null)).isEqualTo(Readiness.UNKNOWN);
    }

    @Test
    void lastTransitionTimeChangesOnlyWhenAConditionFlips() {
        ObjectNode first = new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment(2, 2, 1), List.of()));
        ObjectNode cr = CR.deepCopy();
        cr.set("status", first);
        ObjectNode second = new StatusComputation(T2).compute(inputs(cr, fine(Platform.KUBERNETES), deployment(2, 2, 2), List.of()));
        assertThat(condition(second, "Available").path("lastTransitionTime").asText()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(condition(second, "Ready").path("lastTransitionTime").asText()).isEqualTo("2026-01-01T11:00:00Z");
        cr.set("status", second);
        ObjectNode third = new StatusComputation(T2).compute(inputs(cr, fine(Platform.KUBERNETES), deployment(2, 2, 2), List.of()));
        assertThat(StatusPatch.between(cr.path("status"), third)).as("nothing changed: no write").isEmpty();
    }

    @Test
    void openShiftFeaturesComeFromTheRoute() {
        ObjectNode route = yaml("{status: {ingress: [{host: r.apps.example.com}]}}");
        StatusInputs in = new StatusInputs(CR, fine(Platform.OPENSHIFT), deployment(1, 1, 1), route, true, List.of(), null,
                List.of(readiness("deployment", deployment(1, 1, 1)), readiness("route", route)));
        ObjectNode status = new StatusComputation(T1).compute(in);
        assertThat(status.path("openshiftFeatures").toString())
                .isEqualTo("{\"routesEnabled\":true,\"routeHostname\":\"r.apps.example.com\"}");
    }

    @Test
    void statusPatchRemovesFieldsThatAreNoLongerComputed() {
        ObjectNode current = yaml("{phase: Running, openshiftFeatures: {routesEnabled: true, routeHostname: h}}");
        Optional<ObjectNode> patch = StatusPatch.between(current, yaml("{phase: Running, openshiftFeatures: {routesEnabled: false}}"));
        assertThat(patch).isPresent();
        assertThat(patch.get().toString()).isEqualTo(
                "{\"status\":{\"phase\":\"Running\",\"openshiftFeatures\":{\"routesEnabled\":false,\"routeHostname\":null}}}");
        assertThat(StatusPatch.between(current, yaml("{phase: Running}")).get().at("/status/openshiftFeatures").isNull()).isTrue();
    }

    @Test
    void compositionStatusWritesAreKept() {
        StatusInputs in = new StatusInputs(CR, fine(Platform.KUBERNETES), null, null, false, List.of(),
                yaml("{status: {configHash: abc}}"), List.of());
        assertThat(new StatusComputation(T1).compute(in).path("configHash").asText()).isEqualTo("abc");
    }

    private static String phase(JsonNode deployment) {
        return new StatusComputation(T1).compute(inputs(CR, fine(Platform.KUBERNETES), deployment, List.of()))
                .path("phase").asText();
    }

    private static Environment fine(Platform platform) {
        DiscoveryReport discovery = new DiscoveryReport(List.of(), List.of());
        RouterConfig router = RouterConfig.of(CR, discovery);
        return new Environment(platform, GatewayMode.STANDALONE, discovery,
                new StorageVerdict(true, true, "", "PersistenceDisabled", "off"), router, ModelProvisioning.of(CR, router));
    }

    private static StatusInputs inputs(JsonNode cr, Environment environment, JsonNode deployment, List<Problem> problems) {
        return new StatusInputs(cr, environment, deployment, null, false, problems, null,
                List.of(readiness("deployment", deployment)));
    }

    /** Readiness as the reconciler decides it: by the built-in composition's checks. */
    private static ResourceReadiness readiness(String template, JsonNode live) {
        return new ResourceReadiness(template, "object of " + template, COMPOSITIONS.readiness(template, live));
    }

    private static ObjectNode deployment(int specReplicas, int replicas, int ready) {
        return yaml("{spec: {replicas: %d}, status: {replicas: %d, readyReplicas: %d}}".formatted(specReplicas, replicas, ready));
    }

    private static JsonNode condition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        throw new AssertionError("no condition " + type + " in " + status);
    }
}
