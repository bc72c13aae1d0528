package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The canonical config.yaml ({@code version}, {@code listeners}, {@code providers},
 * {@code routing}, {@code global}) for the v0.3 and v0.4 dialects, written from the CR's
 * {@code spec.config} and the model catalog, and checked for what the router would refuse.
 */
final class CanonicalConfig {
    static final int LISTENER_PORT = EnvoyRoutes.LISTENER_PORT;
    /** A {@code $} that R-main-era routers would expand: followed by a name character or {@code {}. */
    private static final Pattern EXPANDED = Pattern.compile("\\$(?=[A-Za-z0-9_{$])");

    private CanonicalConfig() {
    }

    static ObjectNode write(JsonNode config, ModelCatalog catalog, ConfigDialect dialect,
                            List<SecretEnv> secrets, Findings findings, FeatureTrace trace) {
        ObjectNode document = JsonNodeFactory.instance.objectNode();
        document.put("version", "v0.3");
        ObjectNode listener = document.putArray("listeners").addObject();
        listener.put("name", "http-" + LISTENER_PORT);
        listener.put("address", "0.0.0.0");
        listener.put("port", LISTENER_PORT);
        listener.put("timeout", "300s");
        document.set("providers", new ProvidersSection(dialect, findings).write(config, catalog));
        ObjectNode routing = new RoutingSection(dialect, findings, trace).write(config, catalog);
        document.set("routing", routing);
        document.set("global", new GlobalSection(dialect, secrets, findings).write(config));
        check(routing, catalog, dialect, findings);
        new ConfigOverlay(findings, trace).merge(config.path("overlay"), document);
        if (dialect == ConfigDialect.V0_4) {
            Set<String> references = new java.util.HashSet<>();
            secrets.forEach(s -> references.add(s.reference()));
            escapeDollars(document, references);
        }
        return document;
    }

    /** What both v0.3 routers and vllm-sr refuse: decisions naming unknown models or LoRAs, mixed backends. */
    private static void check(ObjectNode routing, ModelCatalog catalog, ConfigDialect dialect, Findings findings) {
        if (!catalog.models().isEmpty()) {
            for (JsonNode decision : routing.path("decisions")) {
                String name = decision.path("name").asText();
                for (JsonNode ref : decision.path("modelRefs")) {
                    String model = ref.path("model").asText();
                    var found = catalog.model(model);
                    if (found.isEmpty()) {
                        findings.refuse("decision '" + name + "' references model '" + model
                                + "', which no spec.vllmEndpoints entry with a discovered backend serves");
                    } else if (!ref.path("lora_name").asText("").isEmpty() && !found.get().hasLora(ref.path("lora_name").asText())) {
                        findings.refuse("decision '" + name + "' references LoRA '" + ref.path("lora_name").asText()
                                + "' of model '" + model + "', which no spec.vllmEndpoints[].loras entry declares");
                    }
                }
            }
        }
        if (dialect == ConfigDialect.V0_4) {
            for (ProviderModel model : catalog.models()) {
                homogeneous(model, findings);
            }
        }
    }

    /** v0.4 projects a model to one Envoy cluster: its endpoints must share scheme and TLS server name. */
    private static void homogeneous(ProviderModel model, Findings findings) {
        BackendRef first = model.backends().get(0);
        for (BackendRef other : model.backends().subList(1, model.backends().size())) {
            if (other.tls() != first.tls()
                    || (first.tls() && !other.upstreamTls().serverName().equals(first.upstreamTls().serverName()))) {
                findings.refuse("model '" + model.name() + "': endpoints '" + first.name() + "' (" + first.protocol()
                        + " " + first.host() + ") and '" + other.name() + "' (" + other.protocol() + " " + other.host()
                        + ") cannot share one Envoy cluster (v0.4 routers need the same scheme and TLS server name); "
                        + "give them different model names");
            }
        }
    }

    /** v0.4 routers expand {@code $NAME} in every string: the CR's own dollars are written as {@code $$}. */
    private static void escapeDollars(JsonNode node, Set<String> references) {
        if (node instanceof ObjectNode object) {
            List<String> names = new java.util.ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (value.isTextual()) {
                    object.set(name, escaped(value.asText(), references));
                } else {
                    escapeDollars(value, references);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode value = array.get(i);
                if (value.isTextual()) {
                    array.set(i, escaped(value.asText(), references));
                } else {
                    escapeDollars(value, references);
                }
            }
        }
    }

    private static TextNode escaped(String text, Set<String> references) {
        return TextNode.valueOf(references.contains(text) ? text : EXPANDED.matcher(text).replaceAll("\\$\\$"));
    }
}
