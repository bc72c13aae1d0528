package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

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

    /** The hex SHA-256 of the canonical (key-sorted) JSON of the object, without the annotation. */
    public static String of(JsonNode object) {
        JsonNode copy = object.deepCopy();
        JsonNode annotations = copy.path("metadata").path("annotations");
        if (annotations.isObject()) {
            ((ObjectNode) annotations).remove(ANNOTATION);
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(canonical(copy).toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The digest recorded on a live object, or "". */
    public static String recorded(JsonNode live) {
        return live.path("metadata").path("annotations").path(ANNOTATION).asText("");
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(String::compareTo);
            ObjectNode sorted = JsonNodeFactory.instance.objectNode();
            names.forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }
}
