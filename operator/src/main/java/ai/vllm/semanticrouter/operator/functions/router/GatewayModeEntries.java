package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.GatewayMode;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * In gateway mode chat requests enter through the Gateway, whose Envoy calls the router over
 * ext_proc, and the pod has no sidecar: a Route or an Ingress to the router's Service could only
 * publish its management API (unauthenticated on v0.3, refused on v0.4), so the compositions render
 * neither there. A CR that asks for one is told why, instead of getting an entry that serves no chat.
 */
final class GatewayModeEntries {
    private GatewayModeEntries() {
    }

    static void report(JsonNode cr, Findings findings) {
        if (GatewayMode.of(cr) == GatewayMode.STANDALONE) {
            return;
        }
        JsonNode spec = cr.path("spec");
        JsonNode gateway = spec.path("gateway").path("existingRef");
        String entry = "chat requests enter through the Gateway " + gateway.path("namespace").asText("")
                + "/" + gateway.path("name").asText("") + " in gateway mode (there is no Envoy sidecar to lead to)";
        if (spec.path("openshift").path("routes").path("enabled").asBoolean(false)) {
            findings.warn("spec.openshift.routes.enabled: no Route <cr> is created: " + entry
                    + "; publish the Gateway instead, and the management API with spec.managementAPI.expose (Route <cr>-api)");
        }
        if (spec.path("ingress").path("enabled").asBoolean(false)) {
            findings.warn("spec.ingress.enabled: no Ingress is created: " + entry + "; publish the Gateway instead");
        }
    }
}
