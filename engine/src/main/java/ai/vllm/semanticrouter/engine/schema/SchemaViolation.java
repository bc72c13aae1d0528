package ai.vllm.semanticrouter.engine.schema;

/**
 * One way an object breaks its schema.
 *
 * @param fieldPath where, e.g. {@code spec.vllmEndpoints[0].backend}
 * @param message   what is wrong, in the CRD's own words where it has a message
 */
public record SchemaViolation(String fieldPath, String message) {

    /** {@code fieldPath: message}. */
    public String format() {
        return fieldPath + ": " + message;
    }
}
