package ai.vllm.semanticrouter.operator.apply;

import ai.vllm.semanticrouter.engine.transform.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A digest of the apply intent, kept in an annotation. The subset check alone cannot see a field
 * that left the intent (server-side apply removes it); a changed digest does.
 */
public final class IntentHash {
    public static final String ANNOTATION = "semanticrouter.vllm.ai/applied-hash";

    private IntentHash() {
    }

    /** Stamps the digest of the object (without the annotation itself) into its annotations. */
    public static ObjectNode stamp(ObjectNode object) {
        object.withObjectProperty("metadata").withObjectProperty("annotations").remove(ANNOTATION);
        String digest = of(object);
        object.withObjectProperty("metadata").withObjectProperty("annotations").put(ANNOTATION, digest);
        return object;
    }

    /**
     * The first 128 bits, in hex, of the SHA-256 of the canonical (key-sorted) JSON of the object
     * without the annotation ({@link Json#canonicalSha256}).
     */
    public static String of(JsonNode object) {
        JsonNode copy = object.deepCopy();
        JsonNode annotations = copy.path("metadata").path("annotations");
        if (annotations.isObject()) {
            ((ObjectNode) annotations).remove(ANNOTATION);
        }
        return Json.canonicalSha256(copy).substring(0, 32);
    }

    /** The digest recorded on a live object, or "". */
    public static String recorded(JsonNode live) {
        return live.path("metadata").path("annotations").path(ANNOTATION).asText("");
    }
}
