package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns a rendered object into the apply intent, for the live operator and {@code render} alike:
 * namespace of the CR, the standard labels (kept if a composition set them), and a controller owner
 * reference to the CR, except on a PVC that is retained ({@code persistence.reclaimPolicy != Delete})
 * and on an object a composition puts in another namespace (Kubernetes refuses cross-namespace owners;
 * it gets {@link Ownership#OWNER_NAMESPACE_LABEL} instead), and the {@link IntentHash} annotation.
 */
public final class ObjectPreparation {

    private ObjectPreparation() {
    }

    public static ObjectNode prepare(ObjectNode rendered, JsonNode cr) {
        ObjectNode object = rendered.deepCopy();
        ObjectNode metadata = object.withObjectProperty("metadata");
        JsonNode crMetadata = cr.path("metadata");
        if (metadata.path("namespace").asText("").isEmpty()) {
            metadata.put("namespace", crMetadata.path("namespace").asText());
        }
        ObjectNode labels = metadata.withObjectProperty("labels");
        putIfAbsent(labels, Ownership.NAME_LABEL, Ownership.NAME_VALUE);
        putIfAbsent(labels, Ownership.INSTANCE_LABEL, crMetadata.path("name").asText());
        labels.put(Ownership.MANAGED_BY_LABEL, Ownership.MANAGED_BY_VALUE);
        boolean foreign = !metadata.path("namespace").asText().equals(crMetadata.path("namespace").asText());
        if (foreign) {
            labels.put(Ownership.OWNER_NAMESPACE_LABEL, crMetadata.path("namespace").asText());
        }
        String uid = crMetadata.path("uid").asText("");
        if (!uid.isEmpty() && !foreign && ownedByCr(object, cr)) {
            ArrayNode owners = metadata.putArray("ownerReferences");
            ObjectNode owner = owners.addObject();
            owner.put("apiVersion", cr.path("apiVersion").asText(Ownership.CR_API_VERSION));
            owner.put("kind", cr.path("kind").asText(Ownership.CR_KIND));
            owner.put("name", crMetadata.path("name").asText());
            owner.put("uid", uid);
            owner.put("controller", true);
            owner.put("blockOwnerDeletion", true);
        }
        return IntentHash.stamp(object);
    }

    /** Whether the object gets an owner reference (and so may be pruned and garbage-collected). */
    public static boolean ownedByCr(JsonNode object, JsonNode cr) {
        if (!Kind.PERSISTENT_VOLUME_CLAIM.equals(ObjectKey.of(object).type())) {
            return true;
        }
        return "Delete".equals(cr.path("spec").path("persistence").path("reclaimPolicy").asText());
    }

    private static void putIfAbsent(ObjectNode labels, String key, String value) {
        if (!labels.hasNonNull(key)) {
            labels.put(key, value);
        }
    }
}
