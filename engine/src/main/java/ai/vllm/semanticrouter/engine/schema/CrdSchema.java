package ai.vllm.semanticrouter.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The OpenAPI v3 schema of one version of a CustomResourceDefinition, used offline as the API server
 * would: validation (types, enums, bounds, patterns, required fields, CEL {@code x-kubernetes-validations}),
 * defaulting and pruning. Rules that need Kubernetes-only CEL functions or {@code oldSelf} are skipped.
 */
public final class CrdSchema {
    private final JsonNode root;

    private CrdSchema(JsonNode root) {
        this.root = root;
    }

    /** The schema of {@code version} in a CRD document. */
    public static CrdSchema fromCrd(JsonNode crd, String version) {
        for (JsonNode candidate : crd.path("spec").path("versions")) {
            if (version.equals(candidate.path("name").asText())) {
                return new CrdSchema(candidate.path("schema").path("openAPIV3Schema"));
            }
        }
        throw new IllegalArgumentException("the CRD has no version " + version);
    }

    /** The root of the schema, to check at load time that field paths into an object of this kind exist. */
    public FieldSchema fields() {
        return FieldSchema.root(root);
    }

    /** Every violation; empty when the object is valid. Only {@code spec} and {@code metadata.name} are checked. */
    public List<SchemaViolation> validate(JsonNode object) {
        List<SchemaViolation> violations = new ArrayList<>();
        JsonNode spec = root.path("properties").path("spec");
        if (!spec.isMissingNode()) {
            new SchemaValidator(violations).validate(object.path("spec"), spec, "spec", !object.has("spec"));
        }
        return violations;
    }

    /**
     * A copy without the null values of fields that are neither nullable nor defaulted (a field written
     * with no value, {@code annotations: }), as the API server drops them before defaulting; a null
     * field with a default gets the default in {@link #applyDefaults}.
     */
    public ObjectNode dropNulls(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        SchemaDefaults.dropNulls(copy, root);
        return copy;
    }

    /** A copy with the schema's defaults applied (nested defaults only under parents that exist). */
    public ObjectNode applyDefaults(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        SchemaDefaults.apply(copy, root);
        return copy;
    }

    /** A copy without the fields the schema does not know (kept under x-kubernetes-preserve-unknown-fields). */
    public ObjectNode prune(JsonNode object) {
        ObjectNode copy = object.deepCopy();
        SchemaDefaults.prune(copy, root, true);
        return copy;
    }
}
