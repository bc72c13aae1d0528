package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.ApplyObserver;
import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.ObjectKey;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The versions of managed objects that the operator's own applies produced, so that the watch event
 * each of them brings back (its echo) does not reconcile the owner again: that reconcile would read
 * what the apply already returned, and change nothing. Each reconcile that wrote cost a second one
 * before (bench/README.md). An event of any other version, someone else's change, still reconciles
 * the owner; and an echo still reaches the CRs that read the object (that is {@link Triggers}' part).
 *
 * <p>The echo often arrives before the apply's answer: the watch and the request share one HTTP/2
 * connection. An event of an object whose apply is in flight is therefore held until the answer
 * says which version the apply made: the same one, and it was the echo; another, and the held event
 * is handed to {@code lateTrigger}, as it would have been on arrival. One entry per object at most:
 * a version that never comes back (a list replaced the watch) is overwritten by its next write.
 */
public final class OwnWrites implements ApplyObserver {
    private final Map<ObjectKey, String> versions = new HashMap<>();
    private final Set<ObjectKey> inFlight = new HashSet<>();
    private final Map<ObjectKey, ObjectNode> held = new HashMap<>();
    private final Consumer<ObjectNode> lateTrigger;

    /** @param lateTrigger reconciles the owner of a held event that turned out not to be an echo */
    public OwnWrites(Consumer<ObjectNode> lateTrigger) {
        this.lateTrigger = lateTrigger;
    }

    @Override
    public synchronized void applying(ObjectKey object) {
        inFlight.add(object);
    }

    @Override
    public void applied(ObjectKey object, ObjectNode live) {
        ObjectKey key = object;
        String version = TreeCache.resourceVersion(live);
        ObjectNode notAnEcho;
        synchronized (this) {
            inFlight.remove(key);
            ObjectNode early = held.remove(key);
            boolean echoCameFirst = early != null && TreeCache.resourceVersion(early).equals(version);
            if (!echoCameFirst) {
                versions.put(key, version);
            }
            notAnEcho = early != null && !echoCameFirst ? early : null;
        }
        if (notAnEcho != null) {
            lateTrigger.accept(notAnEcho);
        }
    }

    @Override
    public void failed(ObjectKey object) {
        ObjectNode early;
        synchronized (this) {
            inFlight.remove(object);
            early = held.remove(object);
        }
        if (early != null) {
            lateTrigger.accept(early);
        }
    }

    /**
     * Whether the owner must not be reconciled for {@code after} now: it is the version an own apply
     * returned (forgotten then: an echo comes once), or its apply is in flight (held until it answers).
     */
    synchronized boolean echo(Kind kind, ObjectNode after) {
        ObjectKey key = new ObjectKey(kind.apiVersion(), kind.kind(),
                after.path("metadata").path("namespace").asText(""), after.path("metadata").path("name").asText());
        String version = TreeCache.resourceVersion(after);
        if (!version.isEmpty() && versions.remove(key, version)) {
            return true;
        }
        if (inFlight.contains(key)) {
            held.put(key, after);
            return true;
        }
        return false;
    }
}
