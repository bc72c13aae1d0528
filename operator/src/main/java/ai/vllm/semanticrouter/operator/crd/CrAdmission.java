package ai.vllm.semanticrouter.operator.crd;

import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import ai.vllm.semanticrouter.engine.schema.SchemaViolation;
import ai.vllm.semanticrouter.engine.transform.Json;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What the API server does to a CR before the operator sees it, done offline with the CRD on the
 * classpath: drop unknown fields and fields written with no value, apply defaults, validate
 * (apiVersion, kind and name, then OpenAPI + CEL rules).
 */
public final class CrAdmission {
    static final String API_VERSION = Ownership.CR_API_VERSION;
    static final String KIND = Ownership.CR_KIND;

    private final CrdSchema schema;

    private CrAdmission(CrdSchema schema) {
        this.schema = schema;
    }

    /** Admission by the CRD this operator ships ({@link ShippedCrd}). */
    public static CrAdmission fromClasspath() {
        return new CrAdmission(ShippedCrd.compositeType().schema());
    }

    /**
     * The admitted CR, the unknown fields that were dropped, and the violations (empty when valid).
     * A field written with no value ({@code annotations: }) is dropped, or defaulted when the schema
     * has a default, silently as the API server does; it is not an unknown field.
     */
    public Admitted admit(ObjectNode cr) {
        List<SchemaViolation> violations = identityViolations(cr);
        if (!violations.isEmpty()) {
            return new Admitted(cr, List.of(), violations);
        }
        ObjectNode pruned = schema.prune(cr);
        List<String> dropped = new ArrayList<>();
        droppedPaths(cr, pruned, "", dropped);
        ObjectNode defaulted = (ObjectNode) asStored(schema.applyDefaults(schema.dropNulls(pruned)));
        return new Admitted(defaulted, dropped, schema.validate(defaulted));
    }

    /**
     * The violations of a CR as an API server stored it, checked against this operator's CRD: its
     * spec defaulted and pruned as the CRD would, then the OpenAPI schema and CEL rules. Catches a CR
     * that slipped past admission (a server that does not enforce the CEL rules, or a CR stored
     * before a stricter CRD was installed). Status and server-set metadata are not looked at.
     */
    public List<SchemaViolation> storedViolations(JsonNode stored) {
        ObjectNode identity = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        identity.set("apiVersion", stored.path("apiVersion"));
        identity.set("kind", stored.path("kind"));
        identity.putObject("metadata").put("name", stored.path("metadata").path("name").asText())
                .put("namespace", stored.path("metadata").path("namespace").asText());
        if (stored.has("spec")) {
            identity.set("spec", stored.get("spec"));
        }
        return admit(identity).violations();
    }

    /** What the API server refuses before it looks at the schema: another kind or version, no name. */
    private static List<SchemaViolation> identityViolations(ObjectNode cr) {
        List<SchemaViolation> violations = new ArrayList<>();
        if (!API_VERSION.equals(cr.path("apiVersion").asText())) {
            violations.add(new SchemaViolation("apiVersion", "must be " + API_VERSION + " (the version the CRD serves), not \""
                    + cr.path("apiVersion").asText() + "\""));
        }
        if (!KIND.equals(cr.path("kind").asText())) {
            violations.add(new SchemaViolation("kind", "must be " + KIND + ", not \"" + cr.path("kind").asText() + "\""));
        }
        JsonNode metadata = cr.path("metadata");
        if (!metadata.isObject()) {
            violations.add(new SchemaViolation("metadata", "must be a mapping with at least a name"));
        } else if (metadata.path("name").asText("").isEmpty()) {
            violations.add(new SchemaViolation("metadata.name", "Required value: the objects are named after the CR"));
        }
        return violations;
    }

    /**
     * The CR as the API server returns it: object keys in sorted order (it re-encodes custom
     * resources from Go maps). Rendering the file's own key order would give the same content in
     * another order, and so another config hash than the live operator's.
     */
    static JsonNode asStored(JsonNode node) {
        return Json.sortedKeys(node);
    }

    public record Admitted(ObjectNode cr, List<String> droppedFields, List<SchemaViolation> violations) {
    }

    private static void droppedPaths(JsonNode original, JsonNode pruned, String path, List<String> dropped) {
        if (original.isObject()) {
            original.properties().forEach(entry -> {
                String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
                JsonNode kept = pruned == null ? null : pruned.get(entry.getKey());
                if (kept == null) {
                    dropped.add(child);
                } else {
                    droppedPaths(entry.getValue(), kept, child, dropped);
                }
            });
        } else if (original.isArray() && pruned != null && pruned.isArray()) {
            for (int i = 0; i < original.size() && i < pruned.size(); i++) {
                droppedPaths(original.get(i), pruned.get(i), path + "[" + i + "]", dropped);
            }
        }
    }
}
