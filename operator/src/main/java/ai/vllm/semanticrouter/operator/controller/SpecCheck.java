package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.engine.schema.SchemaViolation;
import ai.vllm.semanticrouter.operator.crd.CrAdmission;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks each CR against the CRD this operator ships (schema and CEL rules), so a CR that slipped
 * past admission is reported instead of rendered. The result of a generation is kept: the check
 * runs once per spec change, not on every reconcile. The CRD is loaded on first use.
 */
final class SpecCheck {
    private final Supplier<CrAdmission> admission;
    private final Map<String, Checked> checked = new ConcurrentHashMap<>();

    SpecCheck(Supplier<CrAdmission> admission) {
        this.admission = admission;
    }

    /** A check against the CRD this operator ships, parsed when first needed. */
    static SpecCheck ofShippedCrd() {
        return new SpecCheck(CrAdmission::fromClasspath);
    }

    /** The CR's violations, empty when its spec is valid. */
    List<SchemaViolation> violations(JsonNode cr) {
        String key = key(cr.path("metadata").path("namespace").asText(), cr.path("metadata").path("name").asText());
        String uid = cr.path("metadata").path("uid").asText();
        long generation = cr.path("metadata").path("generation").asLong(0);
        Checked before = checked.get(key);
        if (before != null && before.uid().equals(uid) && before.generation() == generation) {
            return before.violations();
        }
        List<SchemaViolation> violations = List.copyOf(admission.get().storedViolations(cr));
        checked.put(key, new Checked(uid, generation, violations));
        return violations;
    }

    /** Forgets a CR that is gone. */
    void forget(String namespace, String name) {
        checked.remove(key(namespace, name));
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    private record Checked(String uid, long generation, List<SchemaViolation> violations) {
    }
}
