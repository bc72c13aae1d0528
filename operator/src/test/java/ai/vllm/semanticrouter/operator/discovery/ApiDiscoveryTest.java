package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.apply.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Aggregated discovery, on the documents a kube-apiserver 1.34.4 answered (recorded in
 * src/test/resources/discovery): two requests a round, none with a body once unchanged.
 */
class ApiDiscoveryTest {
    private static final String AGGREGATED = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";
    private static final Kind DEPLOYMENT = new Kind("apps/v1", "Deployment");
    private static final Kind NAMESPACE = new Kind("v1", "Namespace");
    private static final Kind SERVICE = new Kind("v1", "Service");
    private static final Kind HPA = new Kind("autoscaling/v2", "HorizontalPodAutoscaler");
    private static final ServedApis LEGACY = new ServedApis(Set.of("", "legacy"), Map.of());

    private final Map<String, String> documents = new HashMap<>(Map.of(
            "/api", fixture("kube-apiserver-1.34-api.json"),
            "/apis", fixture("kube-apiserver-1.34-apis.json")));
    private final List<String> sent = new ArrayList<>();
    private String contentType = AGGREGATED;
    private int legacyRounds;

    private final ApiDiscovery discovery = new ApiDiscovery(this::answer, previous -> {
        legacyRounds++;
        return LEGACY;
    });

    @Test
    void readsKindsScopesAndPluralsFromTwoDocuments() {
        ServedApis apis = discovery.discover(null);

        assertThat(sent).containsExactly("GET /api", "GET /apis");
        assertThat(apis.groups()).contains("", "apps", "autoscaling", "networking.k8s.io", "policy", "storage.k8s.io");
        ResourceDefinitionContext deployments = apis.resource(DEPLOYMENT).orElseThrow();
        assertThat(deployments.getPlural()).isEqualTo("deployments");
        assertThat(deployments.getGroup()).isEqualTo("apps");
        assertThat(deployments.getVersion()).isEqualTo("v1");
        assertThat(deployments.isNamespaceScoped()).isTrue();
        assertThat(apis.resource(NAMESPACE).orElseThrow().isNamespaceScoped()).isFalse();
        assertThat(apis.serves(SERVICE)).isTrue();
        assertThat(apis.serves(HPA)).isTrue();
        assertThat(apis.serves(new Kind("autoscaling/v1", "Scale"))).as("a subresource's kind is not a served kind").isFalse();
        assertThat(apis.unreadable()).isEmpty();
        assertThat(legacyRounds).isZero();
    }

    @Test
    void anUnchangedClusterIsRevalidatedWithItsEtags() {
        ServedApis first = discovery.discover(null);
        sent.clear();

        ServedApis second = discovery.discover(first);

        assertThat(sent).containsExactly("GET /api If-None-Match:" + etagOf("/api"), "GET /apis If-None-Match:" + etagOf("/apis"));
        assertThat(second.resources().keySet()).isEqualTo(first.resources().keySet());
        assertThat(discovery.requests()).isEqualTo(4);
    }

    @Test
    void twoRoundsThatFoundTheSameApisAreEqual() {
        ServedApis first = discovery.discover(null);
        ServedApis second = discovery.discover(first);
        documents.put("/apis", withFreshness("/apis", "apps", "Stale"));
        ServedApis stale = discovery.discover(second);

        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(stale).as("a stale group version is a change").isNotEqualTo(second);
    }

    @Test
    void aStaleGroupVersionKeepsItsPreviousKinds() {
        ServedApis before = discovery.discover(null);
        documents.put("/apis", withFreshness("/apis", "apps", "Stale"));

        ServedApis after = discovery.discover(before);

        assertThat(after.serves(DEPLOYMENT)).as("Deployment kept while apps/v1 is stale").isTrue();
        assertThat(after.unreadable()).containsExactly("apps/v1");
        documents.put("/apis", fixture("kube-apiserver-1.34-apis.json"));
        assertThat(discovery.discover(after).unreadable()).isEmpty();
    }

    @Test
    void aServerWithoutAggregatedDiscoveryIsReadOneGroupVersionAtATimeFromThenOn() {
        contentType = "application/json";

        assertThat(discovery.discover(null)).isSameAs(LEGACY);
        assertThat(discovery.discover(LEGACY)).isSameAs(LEGACY);

        assertThat(sent).as("aggregated discovery tried once").containsExactly("GET /api");
        assertThat(legacyRounds).isEqualTo(2);
    }

    @Test
    void aFailedRequestThrowsNamingThePathAndCode() {
        documents.remove("/apis");

        assertThatThrownBy(() -> discovery.discover(null))
                .isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("GET /apis").hasMessageContaining("503");
    }

    @Test
    void aPrimedRoundIsReturnedByTheFirstDiscoverWithoutAnotherRequest() {
        discovery.prime();
        sent.clear();

        assertThat(discovery.discover(null).serves(DEPLOYMENT)).isTrue();
        assertThat(sent).isEmpty();
        discovery.discover(null);
        assertThat(sent).hasSize(2);
    }

    private ApiDiscovery.Answer answer(String path, String etag) {
        sent.add("GET " + path + (etag == null ? "" : " If-None-Match:" + etag));
        String body = documents.get(path);
        if (body == null) {
            return new ApiDiscovery.Answer(503, "text/plain", null, "unavailable");
        }
        String current = "\"" + path + "-" + Integer.toHexString(body.hashCode()) + "\"";
        if (current.equals(etag)) {
            return new ApiDiscovery.Answer(304, null, current, "");
        }
        return new ApiDiscovery.Answer(200, contentType, current, body);
    }

    private String etagOf(String path) {
        return "\"" + path + "-" + Integer.toHexString(documents.get(path).hashCode()) + "\"";
    }

    private String withFreshness(String path, String group, String freshness) {
        try {
            ObjectMapper json = new ObjectMapper();
            JsonNode document = json.readTree(documents.get(path));
            for (JsonNode item : document.path("items")) {
                if (group.equals(item.path("metadata").path("name").asText())) {
                    item.path("versions").forEach(v -> ((ObjectNode) v).put("freshness", freshness));
                }
            }
            return json.writeValueAsString(document) + " ";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fixture(String name) {
        try (InputStream in = ApiDiscoveryTest.class.getResourceAsStream("/discovery/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
