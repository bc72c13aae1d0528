package ai.vllm.semanticrouter.operator.watch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Cached trees by key and by namespace, without the server-side-apply bookkeeping. */
class TreeCacheTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TreeCache cache = new TreeCache("app.kubernetes.io/instance");

    @Test
    void keepsObjectsByKeyAndNamespaceWithoutManagedFields() throws Exception {
        ObjectNode deployment = TreeCache.lean(object("{\"kind\":\"Deployment\",\"metadata\":{\"namespace\":\"team\","
                + "\"name\":\"router\",\"resourceVersion\":\"7\",\"managedFields\":[{\"manager\":\"op\"}],"
                + "\"annotations\":{\"semanticrouter.vllm.ai/applied-hash\":\"abc\"}},\"spec\":{\"replicas\":2}}"));

        assertThat(cache.put(deployment)).isNull();

        ObjectNode cached = cache.get("team/router");
        assertThat(cached.path("metadata").has("managedFields")).isFalse();
        assertThat(cached.path("metadata").path("annotations").path("semanticrouter.vllm.ai/applied-hash").asText())
                .isEqualTo("abc");
        assertThat(TreeCache.resourceVersion(cached)).isEqualTo("7");
        assertThat(cache.inNamespace("team")).containsExactly(deployment);
        assertThat(cache.inNamespace("other")).isEmpty();
    }

    @Test
    void replacesAndRemovesInBothIndexes() throws Exception {
        ObjectNode first = object("{\"metadata\":{\"namespace\":\"team\",\"name\":\"a\",\"resourceVersion\":\"1\"}}");
        ObjectNode second = object("{\"metadata\":{\"namespace\":\"team\",\"name\":\"a\",\"resourceVersion\":\"2\"}}");
        ObjectNode clusterScoped = object("{\"metadata\":{\"name\":\"standard\"}}");
        cache.put(first);
        cache.put(clusterScoped);

        assertThat(cache.put(second)).isSameAs(first);
        assertThat(cache.inNamespace("team")).containsExactly(second);
        assertThat(cache.get("standard")).isSameAs(clusterScoped);
        assertThat(cache.keys()).containsExactlyInAnyOrder("team/a", "standard");

        assertThat(cache.remove("team/a")).isSameAs(second);
        assertThat(cache.inNamespace("team")).isEmpty();
        assertThat(cache.all()).containsExactly(clusterScoped);
        assertThat(cache.remove("team/a")).isNull();
    }

    @Test
    void indexesObjectsByTheirInstanceLabelPerNamespace() throws Exception {
        ObjectNode first = object("{\"metadata\":{\"namespace\":\"team\",\"name\":\"a-config\",\"resourceVersion\":\"1\","
                + "\"labels\":{\"app.kubernetes.io/instance\":\"a\"}}}");
        ObjectNode neighbour = object("{\"metadata\":{\"namespace\":\"team\",\"name\":\"b-config\","
                + "\"labels\":{\"app.kubernetes.io/instance\":\"b\"}}}");
        ObjectNode elsewhere = object("{\"metadata\":{\"namespace\":\"other\",\"name\":\"a-config\","
                + "\"labels\":{\"app.kubernetes.io/instance\":\"a\"}}}");
        cache.put(first);
        cache.put(neighbour);
        cache.put(elsewhere);

        assertThat(cache.labelled("team", "a")).containsExactly(first);
        assertThat(cache.labelled("other", "a")).containsExactly(elsewhere);

        ObjectNode relabelled = object("{\"metadata\":{\"namespace\":\"team\",\"name\":\"a-config\",\"resourceVersion\":\"2\","
                + "\"labels\":{\"app.kubernetes.io/instance\":\"c\"}}}");
        cache.put(relabelled);
        assertThat(cache.labelled("team", "a")).isEmpty();
        assertThat(cache.labelled("team", "c")).containsExactly(relabelled);
        cache.remove("team/a-config");
        assertThat(cache.labelled("team", "c")).isEmpty();
        assertThat(cache.labelled("team", "b")).containsExactly(neighbour);
    }

    private static ObjectNode object(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }
}
