package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.operator.apply.Kind;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * Aggregated discovery against the real API server: it finds exactly what the per-group-version
 * reads find, revalidates an unchanged cluster with two bodiless 304s, and sees a new CRD at once.
 * (In the operator's package: the class under test is package-private.)
 */
class ApiDiscoveryIT {
    private final KubernetesClient client = ApiServer.shared().client();
    private final List<String> answers = new ArrayList<>();
    private final ApiDiscovery.Transport http = ApiDiscovery.httpTransport(client);
    private final ApiDiscovery discovery = new ApiDiscovery((path, etag) -> {
        ApiDiscovery.Answer answer = http.get(path, etag);
        answers.add(path + " " + answer.code());
        return answer;
    }, previous -> fail("the API server should offer aggregated discovery"));

    @Test
    void findsWhatEveryGroupVersionListsInTwoRequests() {
        ServedApis aggregated = discovery.discover(null);
        ServedApis legacy = ServedApis.discover(client, null);

        assertThat(answers).containsExactly("/api 200", "/apis 200");
        assertThat(aggregated.groups()).isEqualTo(legacy.groups());
        assertThat(aggregated.resources().keySet()).isEqualTo(legacy.resources().keySet());
        for (Map.Entry<Kind, ResourceDefinitionContext> entry : legacy.resources().entrySet()) {
            ResourceDefinitionContext mine = aggregated.resource(entry.getKey()).orElseThrow();
            ResourceDefinitionContext theirs = entry.getValue();
            assertThat(List.of(mine.getGroup(), mine.getVersion(), mine.getPlural(), mine.isNamespaceScoped()))
                    .as(entry.getKey().toString())
                    .isEqualTo(List.of(theirs.getGroup(), theirs.getVersion(), theirs.getPlural(), theirs.isNamespaceScoped()));
        }
        System.out.printf("[discovery] %d kinds in %d group versions: 2 requests instead of %d%n",
                legacy.resources().size(), groupVersions(legacy), groupVersions(legacy) + 1);
    }

    @Test
    void revalidatesAnUnchangedClusterAndSeesANewCrd() {
        ServedApis first = discovery.discover(null);
        answers.clear();

        ServedApis unchanged = discovery.discover(first);
        assertThat(answers).containsExactly("/api 304", "/apis 304");
        assertThat(unchanged.resources().keySet()).isEqualTo(first.resources().keySet());

        CustomResourceDefinition crd = gadgets();
        client.apiextensions().v1().customResourceDefinitions().resource(crd).serverSideApply();
        await().atMost(Duration.ofSeconds(30)).until(() -> Manifests.established(client, crd.getMetadata().getName()));
        Kind gadget = new Kind("discovery.example.com/v1", "Gadget");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> discovery.discover(unchanged).serves(gadget));
        assertThat(answers).contains("/apis 200");
    }

    private static long groupVersions(ServedApis apis) {
        return apis.resources().keySet().stream().map(Kind::apiVersion).distinct().count();
    }

    private static CustomResourceDefinition gadgets() {
        return new CustomResourceDefinitionBuilder()
                .withNewMetadata().withName("gadgets.discovery.example.com").endMetadata()
                .withNewSpec().withGroup("discovery.example.com").withScope("Namespaced")
                .withNewNames().withKind("Gadget").withPlural("gadgets").withSingular("gadget").endNames()
                .addNewVersion().withName("v1").withServed(true).withStorage(true)
                .withNewSchema().withNewOpenAPIV3Schema().withType("object")
                .withXKubernetesPreserveUnknownFields(true).endOpenAPIV3Schema().endSchema()
                .endVersion().endSpec().build();
    }
}
