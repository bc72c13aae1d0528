package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;

/** Whether an apply intent must be sent, given the cached live object (null when absent). */
public enum ApplyDecision {
    CREATE, UPDATE, UNCHANGED;

    public static ApplyDecision of(JsonNode intent, JsonNode live) {
        if (live == null || live.isMissingNode() || live.isNull()) {
            return CREATE;
        }
        boolean sameIntent = IntentHash.recorded(live).equals(IntentHash.recorded(intent));
        return sameIntent && LiveMatch.covers(intent, live) ? UNCHANGED : UPDATE;
    }
}
