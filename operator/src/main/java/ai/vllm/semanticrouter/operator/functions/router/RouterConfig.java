package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The router-config function: for one CR and its discovered backends, the dialect, the config.yaml
 * document (canonical; for the flat dialect {@code spec.config} less the canonical-only fields,
 * whose thresholds the config composition turns into numbers), the Envoy routes and clusters, the
 * Secret-backed env vars, and the findings. It is the {@code environment.router} the compositions read.
 */
public record RouterConfig(DialectChoice choice, ModelCatalog catalog, ObjectNode document, EnvoyRoutes envoy,
                           List<SecretEnv> secrets, Findings findings, FeatureTrace trace) {
    /** The templates that carry the router config into the pods: held back while the config is refused. */
    public static final java.util.Set<String> ROLLOUT_TEMPLATES = java.util.Set.of("config", "envoy-config", "deployment");

    public static RouterConfig of(JsonNode cr, DiscoveryReport discovery, BackendTlsPlan tls) {
        DialectChoice choice = DialectChoice.of(cr);
        ModelCatalog catalog = ModelCatalog.of(discovery, tls);
        List<SecretEnv> secrets = new ArrayList<>();
        Findings findings = new Findings();
        if (catalog.models().isEmpty() && discovery.configured() > 0) {
            findings.warn("no backend is discovered yet, so the router has no model to route to (see BackendsDiscovered)");
        }
        FeatureTrace trace = new FeatureTrace();
        JsonNode config = cr.path("spec").path("config");
        ObjectNode document;
        if (choice.dialect().canonical()) {
            document = CanonicalConfig.write(config, catalog, choice.dialect(), secrets, findings, trace);
        } else {
            FlatToggles.report(config, findings, trace);
            document = FlatToggles.document(config);
        }
        ManagementApi.apply(cr.path("spec").path("managementAPI"), choice.dialect(),
                choice.dialect().canonical() ? document : null, secrets, findings);
        GatewayModeEntries.report(cr, findings);
        return new RouterConfig(choice, catalog, document, EnvoyRoutes.of(catalog), List.copyOf(secrets), findings, trace);
    }

    /** True when the router would refuse this config: it is then not rolled out. */
    public boolean refused() {
        return !findings.refusals().isEmpty();
    }

    /** {@code status.router}: the config format and the features that act on requests. */
    public ObjectNode status() {
        ObjectNode status = JsonNodeFactory.instance.objectNode();
        status.put("dialect", choice.dialect().value());
        ArrayNode features = status.putArray("features");
        trace.features().forEach(features::add);
        return status;
    }

    /** {@code environment.router}, the shape fixed in docs/contracts.md. */
    public ObjectNode toJson() {
        ObjectNode router = JsonNodeFactory.instance.objectNode();
        router.put("dialect", choice.dialect().value());
        catalog.defaultModel().ifPresent(m -> router.put("defaultModel", m.name()));
        if (document != null) {
            router.set("config", document);
        }
        ObjectNode envoy = router.putObject("envoy");
        envoy.set("routes", envoy().routes());
        envoy.set("clusters", envoy().clusters());
        ArrayNode env = router.putArray("secretEnv");
        secrets.forEach(s -> env.add(s.toEnvVar()));
        return router;
    }
}
