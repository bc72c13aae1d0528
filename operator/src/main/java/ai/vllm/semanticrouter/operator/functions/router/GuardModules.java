package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code global.model_catalog.modules}: the prompt guard and the domain and PII classifiers. The
 * routers run a module only when its model and its mapping file are both set, so when the CR names
 * a model without a mapping the mapping beside the model is written: {@code enabled: true} then
 * really turns the guard on (an empty mapping path silently turns it off).
 */
final class GuardModules {
    private final ConfigDialect dialect;
    private final Findings findings;

    GuardModules(ConfigDialect dialect, Findings findings) {
        this.dialect = dialect;
        this.findings = findings;
    }

    void write(JsonNode config, ObjectNode modules) {
        JsonNode guard = config.path("prompt_guard");
        if (guard.isObject()) {
            promptGuard(guard, modules.putObject("prompt_guard"));
        }
        JsonNode classifier = config.path("classifier");
        JsonNode domain = classifier.path("category_model");
        if (domain.isObject()) {
            ObjectNode out = Copy.object(modules, "classifier").putObject("domain");
            classifierModel(domain, out, "category_mapping_path", "category_mapping.json");
            Copy.field(domain, "use_modernbert", out);
            mmbert32k(domain, out);
        }
        JsonNode pii = classifier.path("pii_model");
        if (pii.isObject()) {
            ObjectNode out = Copy.object(modules, "classifier").putObject("pii");
            classifierModel(pii, out, "pii_mapping_path", "pii_type_mapping.json");
            mmbert32k(pii, out);
            if (Copy.present(pii.get("use_modernbert"))) {
                findings.ignore("spec.config.classifier.pii_model.use_modernbert", "the PII classifier has no such setting");
            }
        }
    }

    private void promptGuard(JsonNode guard, ObjectNode out) {
        Copy.field(guard, "enabled", out);
        classifierModel(guard, out, "jailbreak_mapping_path", "jailbreak_type_mapping.json");
        String crPath = "spec.config.prompt_guard.";
        if (dialect == ConfigDialect.V0_3) {
            Copy.field(guard, "use_modernbert", out);
            for (String field : new String[]{"variant", "protocol", "positive_labels"}) {
                if (Copy.present(guard.get(field))) {
                    findings.ignore(crPath + field, "v0.3 routers do not know it");
                }
            }
            if ("block".equals(guard.path("on_error").asText())) {
                findings.warn(crPath + "on_error: block is not known to v0.3 routers: the prompt guard fails open "
                        + "when it errors; use a v0.4 router image");
            }
            return;
        }
        Copy.fields(guard, out, "variant", "positive_labels", "on_error");
        if (Copy.present(guard.get("use_modernbert"))) {
            findings.ignore(crPath + "use_modernbert", "v0.4 routers choose the model family with variant");
        }
        if (Copy.present(guard.get("protocol"))) {
            findings.ignore(crPath + "protocol", "v0.4 configures an external guard under prompt_guard.backend, "
                    + "which the CR cannot express yet");
        }
    }

    /** model_id, threshold, use_cpu, and the mapping file (the one beside the model when not set). */
    private static void classifierModel(JsonNode source, ObjectNode out, String mappingKey, String mappingFile) {
        Copy.field(source, "model_id", out);
        Copy.number(source, "threshold", out);
        Copy.field(source, "use_cpu", out);
        String mapping = source.path(mappingKey).asText("");
        String model = source.path("model_id").asText("");
        if (!mapping.isEmpty()) {
            out.put(mappingKey, mapping);
        } else if (!model.isEmpty()) {
            out.put(mappingKey, model + "/" + mappingFile);
        }
    }

    /** The routers assume an mmBERT-32k model; say so when the CR's model is another one. */
    private static void mmbert32k(JsonNode source, ObjectNode out) {
        String model = source.path("model_id").asText("");
        boolean mmbert = model.contains("mmbert32k") || model.contains("mmbert-32k");
        if (source.path("use_modernbert").asBoolean(false) || (!model.isEmpty() && !mmbert)) {
            out.put("use_mmbert_32k", false);
        }
    }
}
