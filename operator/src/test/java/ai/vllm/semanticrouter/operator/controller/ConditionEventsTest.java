package ai.vllm.semanticrouter.operator.controller;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

/** One event per problem and change, even when the CR read from the cache is older than our last status write. */
class ConditionEventsTest {
    private static final ObjectNode STALE_CR = yaml("{metadata: {name: r, namespace: ns, uid: u1}, status: {}}");

    @Test
    void aProblemIsAnnouncedOnceAlthoughTheCachedStatusIsStale() {
        FakeCluster cluster = new FakeCluster();
        ConditionEvents events = new ConditionEvents(cluster);
        ObjectNode missingClass = status("StorageReady", "False", "StorageClassNotFound", "StorageClass \"fast\" not found");

        events.announce(STALE_CR, missingClass);
        events.announce(STALE_CR, missingClass);
        assertThat(cluster.events).containsExactly("Warning StorageClassNotFound StorageClass \"fast\" not found");

        events.announce(STALE_CR, status("StorageReady", "False", "StorageClassNotFound", "StorageClass \"slow\" not found"));
        events.announce(STALE_CR, status("StorageReady", "True", "StorageClassFound", "StorageClass \"slow\" exists"));
        events.announce(STALE_CR, status("StorageReady", "True", "StorageClassFound", "StorageClass \"slow\" exists"));
        assertThat(cluster.events).containsExactly("Warning StorageClassNotFound StorageClass \"fast\" not found",
                "Warning StorageClassNotFound StorageClass \"slow\" not found",
                "Normal StorageClassFound StorageClass \"slow\" exists");
    }

    @Test
    void stalledIsAnnouncedOnlyForWhatNoOtherConditionReports() {
        FakeCluster cluster = new FakeCluster();
        ConditionEvents events = new ConditionEvents(cluster);
        ObjectNode renderFailed = status("Stalled", "True", "RenderFailed", "deployment.yaml:12:5: bad value");
        events.announce(STALE_CR, renderFailed);
        events.announce(STALE_CR, renderFailed);
        assertThat(cluster.events).containsExactly("Warning RenderFailed deployment.yaml:12:5: bad value");

        cluster.events.clear();
        ObjectNode both = status("Stalled", "True", "BackendNotFound", "InferenceService ns/isvc not found");
        both.withArray("conditions").add(yaml("{type: BackendsDiscovered, status: 'False', reason: BackendNotFound,"
                + " message: 'InferenceService ns/isvc not found'}"));
        events.announce(STALE_CR, both);
        assertThat(cluster.events).as("the backend condition reports it; Stalled does not repeat it")
                .containsExactly("Warning BackendNotFound InferenceService ns/isvc not found");
    }

    @Test
    void theMemoryOfADeletedCrIsForgotten() {
        FakeCluster cluster = new FakeCluster();
        ConditionEvents events = new ConditionEvents(cluster);
        ObjectNode missingClass = status("StorageReady", "False", "StorageClassNotFound", "gone");
        events.announce(STALE_CR, missingClass);
        events.forget("ns", "r");
        events.announce(STALE_CR, missingClass);
        assertThat(cluster.events).hasSize(2);
    }

    private static ObjectNode status(String type, String status, String reason, String message) {
        ObjectNode node = yaml("{conditions: []}");
        ObjectNode condition = node.withArray("conditions").addObject();
        condition.put("type", type).put("status", status).put("reason", reason).put("message", message);
        return node;
    }
}
