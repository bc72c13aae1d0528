package ai.vllm.semanticrouter.it.install;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Kubectl;
import ai.vllm.semanticrouter.it.support.MonitoringCrds;
import ai.vllm.semanticrouter.it.support.PrometheusValidator;
import ai.vllm.semanticrouter.olm.ApiSources;
import ai.vllm.semanticrouter.olm.Generate;
import ai.vllm.semanticrouter.olm.Release;
import ai.vllm.semanticrouter.olm.Yaml;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributesBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated install (olm/generated) on a real API server: every manifest and the CSV's
 * Deployment pass a server-side dry run, the operator pod passes Pod Security "restricted", and
 * the operator's ServiceAccount, impersonated, can do exactly what the operator needs and no more.
 * The monitoring (ServiceMonitor, PrometheusRule, dashboard) is applied against the prometheus-operator's
 * own CRDs, and the PrometheusRule the API server stored loads with Prometheus' rule loader.
 */
class InstallManifestsIT {
    private static final String NAMESPACE = "semantic-router-operator-system";
    private static final String SERVICE_ACCOUNT = "semantic-router-operator-controller-manager";
    private static final String SA_USER = "system:serviceaccount:" + NAMESPACE + ":" + SERVICE_ACCOUNT;
    private static final String CSV = "bundle/manifests/semantic-router-operator.clusterserviceversion.yaml";

    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static Path generated;
    private static Kubectl kubectl;
    private static KubernetesClient operatorIdentity;

    @BeforeAll
    static void installNamespaceCrdAndRbac() throws IOException {
        generated = generatedFolder();
        kubectl = new Kubectl(API.server().kubeConfigFile());
        // Dry runs of namespaced objects need the namespace and, for RBAC checks, real bindings.
        kubectl.run("apply", "--server-side", "--force-conflicts", "-f", file("config/manager/namespace.yaml"));
        kubectl.run("apply", "--server-side", "--force-conflicts", "-k", file("config/crd"));
        kubectl.run("apply", "--server-side", "--force-conflicts", "-k", file("config/rbac"));
        for (Path crd : MonitoringCrds.files(Generate.repositoryRoot(Path.of("")))) {
            kubectl.run("apply", "--server-side", "--force-conflicts", "-f", crd.toString());
        }
        kubectl.run("wait", "--for=condition=Established", "--timeout=60s",
                "crd/servicemonitors.monitoring.coreos.com", "crd/prometheusrules.monitoring.coreos.com");
        Config impersonating = new ConfigBuilder(CLIENT.getConfiguration())
                .withImpersonateUsername(SA_USER)
                .withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + NAMESPACE, "system:authenticated")
                .build();
        operatorIdentity = new KubernetesClientBuilder().withConfig(impersonating).build();
    }

    @AfterAll
    static void closeImpersonatingClient() {
        if (operatorIdentity != null) {
            operatorIdentity.close();
        }
    }

    @Test
    void wholeKustomizeInstallPassesAServerSideDryRun() {
        String out = kubectl.run("apply", "--server-side", "--force-conflicts", "--dry-run=server", "-k", file("config/default"));
        assertThat(out).contains("deployment.apps/semantic-router-operator-controller-manager serverside-applied (server dry run)",
                "clusterrole.rbac.authorization.k8s.io/semantic-router-operator-manager-role serverside-applied (server dry run)",
                "configmap/semantic-router-operator-extra-compositions serverside-applied (server dry run)",
                "service/semantic-router-operator-controller-manager-metrics-service serverside-applied (server dry run)");
        assertThat(out).contains("clusterrole.rbac.authorization.k8s.io/semantic-router-operator-semanticrouter-editor-role");
        assertThat(out).doesNotContain("semantic-router-operator-semantic-router-operator");
    }

    @Test
    void optInExtensionsRolePassesAServerSideDryRun() {
        assumeTrue(Files.isDirectory(generated.resolve("config/extensions")), "no extension compositions");
        String out = kubectl.run("apply", "--server-side", "--force-conflicts", "--dry-run=server", "-k", file("config/extensions"));
        assertThat(out).contains("clusterrole.rbac.authorization.k8s.io/semantic-router-operator-extensions-role");
    }

    @Test
    void monitoringIsAppliedAndItsStoredRulesLoadInPrometheus() {
        String out = kubectl.run("apply", "--server-side", "--force-conflicts", "-k", file("config/prometheus"));
        assertThat(out).contains(
                "servicemonitor.monitoring.coreos.com/semantic-router-operator-controller-manager-metrics-monitor serverside-applied",
                "prometheusrule.monitoring.coreos.com/semantic-router-operator-alerts serverside-applied",
                "configmap/semantic-router-operator-dashboard serverside-applied");
        String stored = kubectl.run("get", "prometheusrule", "semantic-router-operator-alerts", "-n", NAMESPACE, "-o", "yaml");
        PrometheusValidator.Result rules = PrometheusValidator.rules(stored);
        assertThat(rules.ok()).as(rules.describe()).isTrue();
        assertThat(rules.summary().size()).isEqualTo(5);
        String selector = kubectl.run("get", "servicemonitor", "semantic-router-operator-controller-manager-metrics-monitor",
                "-n", NAMESPACE, "-o", "jsonpath={.spec.selector.matchLabels}");
        String serviceLabels = kubectl.run("apply", "--dry-run=client", "-o", "jsonpath={.metadata.labels}",
                "-f", file("config/manager/metrics_service.yaml"));
        assertThat(serviceLabels).contains("\"app.kubernetes.io/name\":\"semantic-router-operator\"",
                "\"app.kubernetes.io/component\":\"manager\"");
        assertThat(selector).contains("\"app.kubernetes.io/name\":\"semantic-router-operator\"",
                "\"app.kubernetes.io/component\":\"manager\"");
    }

    @Test
    void bundleManifestsPassAServerSideDryRun() throws IOException {
        try (var files = Files.list(generated.resolve("bundle/manifests"))) {
            for (Path manifest : files.filter(p -> !p.toString().endsWith(".clusterserviceversion.yaml")).sorted().toList()) {
                String out = kubectl.run("apply", "--server-side", "--force-conflicts", "--dry-run=server",
                        "-n", NAMESPACE, "-f", manifest.toString());
                assertThat(out).as(manifest.toString()).contains("(server dry run)");
            }
        }
    }

    @Test
    void csvDeploymentPassesAServerSideDryRunAndRunsTheSamePodAsKustomize() throws IOException {
        DeploymentSpec fromCsv = csvDeploymentSpec();
        Deployment deployment = new DeploymentBuilder().withNewMetadata().withName(SERVICE_ACCOUNT)
                .withNamespace(NAMESPACE).endMetadata().withSpec(fromCsv).build();
        Deployment accepted = CLIENT.apps().deployments().inNamespace(NAMESPACE).resource(deployment).dryRun()
                .fieldManager("install-manifests-it").forceConflicts().serverSideApply();
        assertThat(accepted.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);

        Deployment fromKustomize = load(generated.resolve("config/manager/manager.yaml"), Deployment.class);
        assertThat(fromCsv).isEqualTo(fromKustomize.getSpec());
    }

    @Test
    void operatorPodIsAdmittedByPodSecurityRestricted() throws IOException {
        assertThat(CLIENT.namespaces().withName(NAMESPACE).get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (DeploymentSpec spec : List.of(csvDeploymentSpec(),
                load(generated.resolve("config/manager/manager.yaml"), Deployment.class).getSpec())) {
            Pod pod = new PodBuilder().withNewMetadata().withName("operator-psa-probe").withNamespace(NAMESPACE)
                    .withLabels(spec.getTemplate().getMetadata().getLabels()).endMetadata()
                    .withSpec(spec.getTemplate().getSpec()).build();
            // A violation of the enforced profile is a 403 from admission, even in a dry run.
            Pod admitted = CLIENT.pods().inNamespace(NAMESPACE).resource(pod).dryRun().create();
            assertThat(admitted.getMetadata().getName()).isEqualTo("operator-psa-probe");
        }
    }

    @Test
    void clusterRoleHasNoWildcards() throws IOException {
        ClusterRole role = load(generated.resolve("config/rbac/role.yaml"), ClusterRole.class);
        for (PolicyRule rule : role.getRules()) {
            assertThat(rule.getApiGroups()).doesNotContain("*");
            assertThat(rule.getResources()).doesNotContain("*", "secrets");
            assertThat(rule.getVerbs()).doesNotContain("*", "deletecollection", "escalate", "bind", "impersonate");
        }
    }

    @Test
    void operatorServiceAccountMayDoEverythingItsClusterRoleLists() throws IOException {
        ClusterRole role = load(generated.resolve("config/rbac/role.yaml"), ClusterRole.class);
        List<String> denied = new ArrayList<>();
        for (PolicyRule rule : role.getRules()) {
            for (String resource : rule.getResources()) {
                for (String verb : rule.getVerbs()) {
                    String group = rule.getApiGroups().get(0);
                    if (!allowed(verb, group, resource, null) || !allowed(verb, group, resource, "some-user-namespace")) {
                        denied.add(verb + " " + resource + "." + group);
                    }
                }
            }
        }
        assertThat(denied).isEmpty();
    }

    @ParameterizedTest(name = "operator may {0} {2}.{1} in namespace [{3}]")
    @CsvSource(nullValues = "-", value = {
            "list,vllm.ai,semanticrouters,-",
            "watch,vllm.ai,semanticrouters,-",
            "patch,vllm.ai,semanticrouters/status,team-a",
            "update,vllm.ai,semanticrouters/finalizers,team-a",
            "watch,'',services,-",
            "list,serving.kserve.io,inferenceservices,-",
            "get,storage.k8s.io,storageclasses,-",
            "create,'',events,team-a",
            "patch,'',events,team-a",
            "watch,apiextensions.k8s.io,customresourcedefinitions,-",
            "create,coordination.k8s.io,leases," + NAMESPACE,
            "update,coordination.k8s.io,leases," + NAMESPACE,
            "delete,coordination.k8s.io,leases," + NAMESPACE,
    })
    void operatorMayDoWhatItNeeds(String verb, String group, String resource, String namespace) {
        assertThat(allowed(verb, group, resource, namespace)).isTrue();
    }

    @ParameterizedTest(name = "operator may not {0} {2}.{1} in namespace [{3}]")
    @CsvSource(nullValues = "-", value = {
            "get,'',secrets,team-a",
            "list,'',secrets,-",
            "create,'',pods,team-a",
            "create,'',pods/exec,team-a",
            "delete,'',namespaces,-",
            "create,vllm.ai,semanticrouters,team-a",
            "delete,vllm.ai,semanticrouters,team-a",
            "deletecollection,apps,deployments,team-a",
            "create,rbac.authorization.k8s.io,clusterroles,-",
            "bind,rbac.authorization.k8s.io,clusterroles,-",
            "escalate,rbac.authorization.k8s.io,clusterroles,-",
            "impersonate,'',serviceaccounts,-",
            "create,apiextensions.k8s.io,customresourcedefinitions,-",
            "create,coordination.k8s.io,leases,team-a",
            "update,storage.k8s.io,storageclasses,-",
            "update,serving.kserve.io,inferenceservices,team-a",
    })
    void operatorMayNotDoMore(String verb, String group, String resource, String namespace) {
        assertThat(allowed(verb, group, resource, namespace)).isFalse();
    }

    @Test
    void impersonatedOperatorReadsItsResourcesAndIsRefusedSecrets() {
        assertThat(operatorIdentity.apps().deployments().inAnyNamespace().list().getItems()).isNotNull();
        assertThat(operatorIdentity.services().inAnyNamespace().list().getItems()).isNotNull();
        assertThat(operatorIdentity.storage().v1().storageClasses().list().getItems()).isNotNull();
        assertThatThrownBy(() -> operatorIdentity.secrets().inAnyNamespace().list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        assertThatThrownBy(() -> operatorIdentity.pods().inNamespace(NAMESPACE).list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
    }

    /** Asked as the impersonated ServiceAccount: what its own bindings allow. */
    private static boolean allowed(String verb, String group, String resource, String namespace) {
        String[] parts = resource.split("/", 2);
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder().withNewSpec()
                .withResourceAttributes(new ResourceAttributesBuilder().withVerb(verb).withGroup(group)
                        .withResource(parts[0]).withSubresource(parts.length > 1 ? parts[1] : null)
                        .withNamespace(namespace).build())
                .endSpec().build();
        return operatorIdentity.authorization().v1().selfSubjectAccessReview().create(review).getStatus().getAllowed();
    }

    private static DeploymentSpec csvDeploymentSpec() throws IOException {
        String csv = Files.readString(generated.resolve(CSV));
        String spec = Yaml.documents(csv).get(0).at("/spec/install/spec/deployments/0/spec").toString();
        return Serialization.unmarshal(spec, DeploymentSpec.class);
    }

    private static <T> T load(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Serialization.unmarshal(in, type);
        }
    }

    private static String file(String relative) {
        return generated.resolve(relative).toString();
    }

    /**
     * The checked-in olm/generated when present; else the generator's output from the compositions
     * source tree, written to a temporary folder.
     */
    private static Path generatedFolder() throws IOException {
        Path root = Generate.repositoryRoot(Path.of(""));
        Path checkedIn = root.resolve(Generate.OUTPUT);
        if (Files.isDirectory(checkedIn.resolve("config/default"))) {
            return checkedIn;
        }
        Path inputs = root.resolve(ApiSources.SOURCE_FOLDER);
        assumeTrue(Files.isRegularFile(inputs.resolve(ApiSources.CRD)),
                "no olm/generated and no compositions to generate it from");
        Path temporary = Files.createTempDirectory("olm-generated");
        Generate.tree(ApiSources.fromDirectory(inputs), Release.current()).writeTo(temporary);
        return temporary;
    }
}
