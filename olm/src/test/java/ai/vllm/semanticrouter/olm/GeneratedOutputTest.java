package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The generated files: checked-in copy up to date, and internally consistent. */
class GeneratedOutputTest {
    private final Map<String, String> files = Fixture.tree().files();

    @Test
    void checkedInOutputMatchesTheGenerator() {
        Path root = Generate.repositoryRoot(Path.of(""));
        Path inputs = root.resolve(ApiSources.SOURCE_FOLDER);
        assumeTrue(Files.isRegularFile(inputs.resolve(ApiSources.CRD)) && Files.isRegularFile(inputs.resolve(ApiSources.INDEX)),
                "the compositions module has no CRD and index.txt yet: nothing to generate from");
        GeneratedTree expected = Generate.tree(ApiSources.fromDirectory(inputs), Release.current());
        GeneratedTree.Drift drift = expected.differences(GeneratedTree.read(root.resolve(Generate.OUTPUT)));
        assertThat(drift.none())
                .as("olm/generated is stale: %s%nRegenerate with `make manifests` (or `mvn -pl olm -am process-classes"
                        + " -Dolm.generate=true`) and commit the result.", drift)
                .isTrue();
    }

    @Test
    void generatingTwiceGivesTheSameBytes() {
        assertThat(Fixture.tree().files()).isEqualTo(files);
    }

    @Test
    void theCsvRunsTheSameDeploymentAndRulesAsTheKustomizeInstall() {
        JsonNode csv = yaml("bundle/manifests/semantic-router-operator.clusterserviceversion.yaml");
        JsonNode install = csv.path("spec").path("install").path("spec");
        JsonNode deployment = yaml("config/manager/manager.yaml");

        assertThat(install.path("deployments").get(0).path("name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
        assertThat(install.path("deployments").get(0).path("spec")).isEqualTo(deployment.path("spec"));
        assertThat(install.path("clusterPermissions").get(0).path("rules")).isEqualTo(yaml("config/rbac/role.yaml").path("rules"));
        assertThat(install.path("permissions").get(0).path("rules"))
                .isEqualTo(yaml("config/rbac/leader_election_role.yaml").path("rules"));
        assertThat(install.path("clusterPermissions").get(0).path("serviceAccountName").asText())
                .isEqualTo("semantic-router-operator-controller-manager");
    }

    @Test
    void theOperatorPodIsRestricted() {
        JsonNode pod = yaml("config/manager/manager.yaml").at("/spec/template/spec");
        JsonNode container = pod.path("containers").get(0);
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/capabilities/drop").toString()).isEqualTo("[\"ALL\"]");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
        assertThat(container.at("/resources/requests").size()).isEqualTo(2);
        assertThat(container.path("args").toString()).contains("--compositions-dir=/etc/semantic-router/compositions",
                "--metrics-port=8080", "--health-port=8081", "--leader-election");
        assertThat(container.path("volumeMounts").toString()).contains("/tmp", "/etc/semantic-router/compositions");
        assertThat(pod.path("serviceAccountName").asText()).isEqualTo("semantic-router-operator-controller-manager");
    }

    @Test
    void namesAreNeverDoubled() {
        files.forEach((path, content) -> assertThat(content).as(path)
                .doesNotContain("semantic-router-operator-semantic-router-operator"));
        assertThat(yaml("config/manager/manager.yaml").at("/metadata/name").asText())
                .isEqualTo("semantic-router-operator-controller-manager");
    }

    @Test
    void everyKustomizationResourceExists() {
        files.keySet().stream().filter(p -> p.endsWith("kustomization.yaml")).forEach(k -> {
            String dir = k.substring(0, k.lastIndexOf('/'));
            for (JsonNode resource : yaml(k).path("resources")) {
                Path target = Path.of(dir).resolve(resource.asText()).normalize();
                String name = target.toString().replace('\\', '/');
                assertThat(files.containsKey(name) || files.containsKey(name + "/kustomization.yaml"))
                        .as(k + " -> " + resource.asText()).isTrue();
            }
        });
    }

    @Test
    void minKubeVersionAndOpenShiftVersionsAreTheOldestMinorTheIntegrationSuiteRunsOn() throws IOException {
        Path versions = Generate.repositoryRoot(Path.of("")).resolve("test-envtest/provision/versions.env");
        assumeTrue(Files.isRegularFile(versions), "no test-envtest/provision/versions.env");
        Properties pinned = new Properties();
        try (Reader in = Files.newBufferedReader(versions)) {
            pinned.load(in);
        }
        String oldest = pinned.getProperty("K8S_OLDEST_VERSION", "");
        assertThat(oldest).as("K8S_OLDEST_VERSION in " + versions).matches("1\\.\\d+\\.\\d+");
        int minor = Integer.parseInt(oldest.split("\\.")[1]);
        assertThat(yaml("bundle/manifests/semantic-router-operator.clusterserviceversion.yaml").at("/spec/minKubeVersion")
                .asText()).isEqualTo("1." + minor + ".0");
        // OpenShift 4.N runs Kubernetes 1.(N+13): 4.13 is 1.26
        assertThat(yaml("bundle/metadata/annotations.yaml").at("/annotations/com.redhat.openshift.versions").asText())
                .isEqualTo("v4." + (minor - 13));
        assertThat(files.get("bundle/bundle.Dockerfile")).contains("LABEL com.redhat.openshift.versions=v4." + (minor - 13));
    }

    @Test
    void csvCarriesTheOlmMetadata() {
        JsonNode csv = yaml("bundle/manifests/semantic-router-operator.clusterserviceversion.yaml");
        JsonNode spec = csv.path("spec");
        assertThat(csv.at("/metadata/name").asText()).isEqualTo("semantic-router-operator.v0.1.0");
        assertThat(spec.path("version").asText()).isEqualTo("0.1.0");
        assertThat(spec.path("minKubeVersion").asText()).isEqualTo(ClusterServiceVersion.MIN_KUBE_VERSION);
        assertThat(spec.path("installModes").toString()).isEqualTo("[{\"type\":\"OwnNamespace\",\"supported\":true},"
                + "{\"type\":\"SingleNamespace\",\"supported\":true},{\"type\":\"MultiNamespace\",\"supported\":false},"
                + "{\"type\":\"AllNamespaces\",\"supported\":true}]");
        JsonNode owned = spec.at("/customresourcedefinitions/owned/0");
        assertThat(owned.path("name").asText()).isEqualTo("semanticrouters.vllm.ai");
        assertThat(owned.path("specDescriptors").findValuesAsText("path")).containsExactly("replicas", "image",
                "persistence", "persistence.enabled");
        assertThat(owned.path("statusDescriptors").findValuesAsText("path")).containsExactly("phase", "conditions");
        assertThat(owned.path("resources").findValuesAsText("kind")).contains("Deployment", "Service", "Route");

        JsonNode examples = Yaml.documents(csv.at("/metadata/annotations/alm-examples").asText()).get(0);
        assertThat(examples).hasSize(1);
        assertThat(examples.get(0).at("/metadata/name").asText()).isEqualTo("semantic-router-simple");
        assertThat(examples.get(0).at("/metadata/namespace").isMissingNode()).isTrue();

        assertThat(spec.path("relatedImages").findValuesAsText("image")).containsExactly(
                "ghcr.io/vllm-project/semantic-router-operator:0.1.0",
                "ghcr.io/vllm-project/semantic-router/extproc:latest",
                "docker.io/envoyproxy/envoy:v1.31.0");
        String svg = new String(Base64.getDecoder().decode(spec.at("/icon/0/base64data").asText()), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("</svg>");
        assertThat(spec.path("keywords")).isNotEmpty();
        assertThat(spec.path("maintainers")).isNotEmpty();
        assertThat(spec.path("links")).isNotEmpty();
        assertThat(spec.path("description").asText()).contains("SemanticRouter");
    }

    @Test
    void catalogServesTheBundleOnTheStableChannel() {
        List<JsonNode> docs = Yaml.documents(files.get("catalog/semantic-router-operator/catalog.yaml"));
        assertThat(docs).extracting(d -> d.path("schema").asText()).containsExactly("olm.package", "olm.channel", "olm.bundle");
        assertThat(docs.get(0).path("defaultChannel").asText()).isEqualTo("stable");
        assertThat(docs.get(1).at("/entries/0/name").asText()).isEqualTo("semantic-router-operator.v0.1.0");
        assertThat(docs.get(2).path("image").asText()).isEqualTo(Release.current().bundleImage());
        assertThat(docs.get(2).path("properties").findValuesAsText("packageName")).containsExactly("semantic-router-operator");
        assertThat(files.get("catalog/catalog.Dockerfile")).contains("operators.operatorframework.io.index.configs.v1=/configs");
    }

    @Test
    void openShiftInstallSubscribesFromTheCatalogSource() {
        JsonNode source = yaml("openshift/02-catalogsource.yaml");
        JsonNode subscription = yaml("openshift/04-subscription.yaml");
        JsonNode group = yaml("openshift/03-operatorgroup.yaml");
        assertThat(source.at("/spec/image").asText()).isEqualTo(Release.current().catalogImage());
        assertThat(subscription.at("/spec/source").asText()).isEqualTo(source.at("/metadata/name").asText());
        assertThat(subscription.at("/spec/sourceNamespace").asText()).isEqualTo(source.at("/metadata/namespace").asText());
        assertThat(subscription.at("/spec/channel").asText()).isEqualTo("stable");
        assertThat(subscription.at("/metadata/namespace").asText()).isEqualTo("semantic-router-operator-system");
        assertThat(group.at("/metadata/namespace").asText()).isEqualTo("semantic-router-operator-system");
        assertThat(group.at("/spec").isEmpty()).as("AllNamespaces").isTrue();
    }

    private JsonNode yaml(String path) {
        assertThat(files).containsKey(path);
        return Yaml.documents(files.get(path)).get(0);
    }
}
