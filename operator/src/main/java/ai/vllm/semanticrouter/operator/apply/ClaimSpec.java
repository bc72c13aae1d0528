package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A PersistentVolumeClaim's spec is immutable once bound, so an existing claim keeps its live spec:
 * only its metadata (labels, annotations, owner reference) follows the CR, as the original operator
 * never updated the claim either.
 */
final class ClaimSpec {

    private ClaimSpec() {
    }

    /** The intent with every spec field it names taken from the live claim; other kinds unchanged. */
    static ObjectNode keepLiveSpec(ObjectNode intent, JsonNode live) {
        if (live == null || !Kind.PERSISTENT_VOLUME_CLAIM.equals(ObjectKey.of(intent).type())
                || !intent.path("spec").isObject() || !live.path("spec").isObject()) {
            return intent;
        }
        ObjectNode frozen = intent.deepCopy();
        ObjectNode spec = (ObjectNode) frozen.get("spec");
        List<String> names = new ArrayList<>();
        spec.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode value = live.path("spec").get(name);
            if (value != null) {
                spec.set(name, value.deepCopy());
            }
        }
        return IntentHash.stamp(frozen);
    }
}
