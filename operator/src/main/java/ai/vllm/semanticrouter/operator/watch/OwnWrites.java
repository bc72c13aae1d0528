package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The versions of managed objects that the operator's own applies produced, so that the watch event
 * each of them brings back (its echo) does not reconcile the owner again: that reconcile would read
 * what the apply already returned, and change nothing. Each reconcile that wrote cost a second one
 * before (bench/README.md). An event of any other version, someone else's change, still reconciles;
 * and an echo still reaches the CRs that read the object. One entry per object at most: a version
 * that never comes back (a list replaced the watch) is overwritten by the object's next write.
 */
public final class OwnWrites {
    private final Map<String, String> versions = new ConcurrentHashMap<>();

    /** Records the object as an apply returned it. */
    public void applied(JsonNode live) {
        String version = TreeCache.resourceVersion(live);
        if (!version.isEmpty()) {
            versions.put(key(live.path("apiVersion").asText(), live.path("kind").asText(), live), version);
        }
    }

    /** Whether {@code after} is the version an own apply returned; it is then forgotten: an echo comes once. */
    boolean echo(Kind kind, ObjectNode after) {
        String version = TreeCache.resourceVersion(after);
        return !version.isEmpty() && versions.remove(key(kind.apiVersion(), kind.kind(), after), version);
    }

    private static String key(String apiVersion, String kind, JsonNode object) {
        return apiVersion + "/" + kind + "/" + TreeCache.key(object);
    }
}
