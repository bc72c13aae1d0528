package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Manifests;
import ai.vllm.semanticrouter.it.support.OperatorUnderTest;
import ai.vllm.semanticrouter.it.support.Routers;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * CRs that slipped past admission: the CRD is installed without its CEL rules, as a server that does
 * not enforce them (Kubernetes before 1.25) or an older, looser CRD would store CRs. The operator
 * checks every CR against the CRD it ships and reports a refused spec as Stalled/InvalidSpec with
 * the field and the CRD's message, without touching the objects it already manages.
 */
class SlippedPastAdmissionIT {
    private static final Path INVALID_CASES = Path.of("../compositions/src/test/resources/invalid-crs");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static ApiServer api;
    private static KubernetesClient client;
    private static OperatorUnderTest operator;
    private static Routers routers;

    @BeforeAll
    static void serverWithACrdWithoutItsRules() {
        api = ApiServer.dedicated("lenient-crd");
        client = api.client();
        CustomResourceDefinition strict = (CustomResourceDefinition) Manifests.load(client, Routers.CRD_RESOURCE).get(0);
        ObjectNode lenient = Serialization.jsonMapper().valueToTree(strict);
        int removed = withoutRules(lenient);
        assertThat(removed).as("the CRD has CEL rules to leave out").isPositive();
        client.resource(Serialization.jsonMapper().convertValue(lenient, CustomResourceDefinition.class))
                .fieldManager("integration-tests").forceConflicts().serverSideApply();
        await("lenient CRD established").atMost(TIMEOUT)
                .until(() -> Manifests.established(client, strict.getMetadata().getName()));
        operator = OperatorUnderTest.start(client);
        routers = new Routers(client);
    }

    @AfterAll
    static void stop() {
        if (operator != null) {
            operator.close();
        }
        api.stop();
    }

    @Test
    void everyInvalidCaseTheServerAdmitsIsReportedByTheOperator() throws IOException {
        String namespace = api.newNamespace("slipped");
        List<String> admitted = new ArrayList<>();
        for (Path file : invalidCases()) {
            String text = Files.readString(file);
            String name = "slipped-" + file.getFileName().toString().replace(".yaml", "").replaceAll("[^a-z0-9-]", "-");
            GenericKubernetesResource router = client.genericKubernetesResources(Routers.CONTEXT)
                    .load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).item();
            router.getMetadata().setNamespace(namespace);
            router.getMetadata().setName(name);
            try {
                routers.create(router);
            } catch (KubernetesClientException rejectedByTheSchema) {
                continue;
            }
            admitted.add(file.getFileName().toString());
            String[] expect = expectation(text);
            await(name + " Stalled/InvalidSpec").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                    condition(routers.get(namespace, name), "Stalled"))
                    .containsEntry("status", "True").containsEntry("reason", "InvalidSpec"));
            String message = String.valueOf(condition(routers.get(namespace, name), "Stalled").get("message"));
            assertThat(message).as(file.getFileName().toString()).contains(expect[0].replaceAll("\\[\\d+]$", ""));
            if (!expect[1].isEmpty()) {
                assertThat(message).contains(expect[1]);
            }
            assertThat(condition(routers.get(namespace, name), "Ready")).containsEntry("status", "False");
            assertThat(client.apps().deployments().inNamespace(namespace).withName(name).get())
                    .as("nothing rendered for %s", name).isNull();
        }
        System.out.printf("[slipped-past-admission] %d of %d invalid cases admitted without the CEL rules,"
                + " every one reported by the operator: %s%n", admitted.size(), invalidCases().size(), admitted);
        assertThat(admitted).as("cases only the CEL rules refuse").hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aRouterWhoseSpecTurnsInvalidKeepsRunningUntouchedUntilItIsFixed() {
        String namespace = api.newNamespace("slipped-edit");
        GenericKubernetesResource router = routers.sample("simple", namespace);
        String name = router.getMetadata().getName();
        routers.createWithPrerequisites(router);
        await("Deployment").atMost(TIMEOUT)
                .until(() -> client.apps().deployments().inNamespace(namespace).withName(name).get() != null);
        routers.awaitReconciled(namespace, name);
        Map<String, String> versions = resourceVersions(namespace);

        patchSpec(namespace, name, "{\"persistence\":{\"enabled\":true,\"existingClaim\":\"mine\",\"storageClassName\":\"fast\"}}");
        await("Stalled/InvalidSpec").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "Stalled"))
                .containsEntry("status", "True").containsEntry("reason", "InvalidSpec"));
        assertThat(String.valueOf(condition(routers.get(namespace, name), "Stalled").get("message")))
                .contains("spec.persistence", "existingClaim and storageClassName cannot both be set");
        assertThat(resourceVersions(namespace)).as("no managed object written or deleted").isEqualTo(versions);
        assertThat(client.v1().events().inNamespace(namespace).list().getItems().stream()
                .filter(e -> "InvalidSpec".equals(e.getReason())).count()).as("one Warning event").isEqualTo(1);

        patchSpec(namespace, name, "{\"persistence\":{\"storageClassName\":null}}");
        await("Stalled=False once fixed").atMost(TIMEOUT).untilAsserted(() -> assertThat(
                condition(routers.get(namespace, name), "Stalled")).containsEntry("status", "False"));
    }

    private static void patchSpec(String namespace, String name, String spec) {
        client.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).withName(name)
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":" + spec + "}");
    }

    private static Map<String, String> resourceVersions(String namespace) {
        Map<String, String> versions = new java.util.TreeMap<>();
        client.apps().deployments().inNamespace(namespace).list().getItems()
                .forEach(o -> versions.put("Deployment/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        client.configMaps().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by").list().getItems()
                .forEach(o -> versions.put("ConfigMap/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        client.services().inNamespace(namespace).withLabel("app.kubernetes.io/managed-by").list().getItems()
                .forEach(o -> versions.put("Service/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        client.persistentVolumeClaims().inNamespace(namespace).list().getItems()
                .forEach(o -> versions.put("PVC/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        return versions;
    }

    private static List<Path> invalidCases() throws IOException {
        try (Stream<Path> files = Files.list(INVALID_CASES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The case's {@code # expect: <field> | <message>} line as field and message. */
    private static String[] expectation(String text) {
        String expect = text.lines().filter(l -> l.startsWith("# expect:")).findFirst().orElseThrow()
                .substring("# expect:".length());
        String[] parts = expect.split("\\|", 2);
        return new String[] {parts[0].trim(), parts.length > 1 ? parts[1].trim() : ""};
    }

    private static int withoutRules(JsonNode node) {
        int removed = 0;
        if (node.isObject()) {
            if (((ObjectNode) node).remove("x-kubernetes-validations") != null) {
                removed++;
            }
            for (JsonNode child : (Iterable<JsonNode>) () -> node.elements()) {
                removed += withoutRules(child);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                removed += withoutRules(child);
            }
        }
        return removed;
    }
}
