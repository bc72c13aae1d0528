package ai.vllm.semanticrouter.engine;

import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The kind of composite resource a set of compositions renders, with its schema: given to
 * {@link CompositionLoader#forComposite}, it makes loading check each file's {@code compositeTypeRef}
 * and every field the compositions read from, or write to, the composite.
 *
 * @param apiVersion group/version, e.g. {@code vllm.ai/v1alpha1}
 * @param kind       e.g. {@code SemanticRouter}
 * @param schema     the CRD's schema of that version
 */
public record CompositeType(String apiVersion, String kind, CrdSchema schema) {

    /**
     * The kind a CRD document defines ({@code spec.group}, {@code spec.names.kind}) at {@code version}.
     *
     * @throws IllegalArgumentException when the CRD names no group or kind, or has no such version
     */
    public static CompositeType fromCrd(JsonNode crd, String version) {
        String group = crd.path("spec").path("group").asText("");
        String kind = crd.path("spec").path("names").path("kind").asText("");
        if (group.isEmpty() || kind.isEmpty()) {
            throw new IllegalArgumentException("the CRD needs spec.group and spec.names.kind");
        }
        return new CompositeType(group + "/" + version, kind, CrdSchema.fromCrd(crd, version));
    }

    /** True when a composition's {@code compositeTypeRef} names this kind. */
    public boolean matches(String apiVersion, String kind) {
        return this.apiVersion.equals(apiVersion) && this.kind.equals(kind);
    }

    /** {@code kind (apiVersion)}, as errors name it. */
    public String describe() {
        return kind + " (" + apiVersion + ")";
    }
}
