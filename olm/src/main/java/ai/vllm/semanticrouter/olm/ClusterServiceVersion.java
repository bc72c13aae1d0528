package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The bundle's ClusterServiceVersion, built from the same RBAC and Deployment as the kustomize install. */
public final class ClusterServiceVersion {
    /**
     * The oldest Kubernetes minor the integration suite runs on (K8S_OLDEST_VERSION in
     * test-envtest/provision/versions.env; GeneratedOutputTest keeps the two equal), and nothing older.
     */
    static final String MIN_KUBE_VERSION = "1.26.0";

    private final Release release;
    private final CrdFacts crd;
    private final List<ApiResource> produced;
    private final List<PolicyRule> clusterRules;
    private final ArrayNode almExamples;
    private final List<Map.Entry<String, String>> orderedImages;

    public ClusterServiceVersion(Release release, CrdFacts crd, List<ApiResource> produced,
                                 List<PolicyRule> clusterRules, ArrayNode almExamples,
                                 Map<String, String> relatedImages) {
        this.release = release;
        this.crd = crd;
        this.produced = List.copyOf(produced);
        this.clusterRules = List.copyOf(clusterRules);
        this.almExamples = almExamples;
        this.orderedImages = List.copyOf(relatedImages.entrySet());
    }

    public ObjectNode build() {
        ObjectNode csv = Yaml.object();
        csv.put("apiVersion", "operators.coreos.com/v1alpha1");
        csv.put("kind", "ClusterServiceVersion");
        ObjectNode metadata = csv.putObject("metadata");
        metadata.put("name", release.csvName());
        metadata.set("annotations", annotations());
        metadata.set("labels", Yaml.map(new TreeMap<>(Map.of("operatorframework.io/arch.amd64", "supported",
                "operatorframework.io/os.linux", "supported"))));
        csv.set("spec", spec());
        return csv;
    }

    private ObjectNode annotations() {
        ObjectNode a = Yaml.object();
        a.put("alm-examples", Yaml.json(almExamples));
        a.put("capabilities", "Basic Install");
        a.put("categories", "AI/Machine Learning");
        a.put("containerImage", release.operatorImage());
        a.put("createdAt", release.createdAt());
        a.put("description", "Deploys and manages vLLM Semantic Router instances from SemanticRouter resources.");
        a.put("operators.operatorframework.io/suggested-namespace", Identity.NAMESPACE);
        a.put("repository", "https://github.com/vllm-project/semantic-router");
        a.put("support", "vLLM Semantic Router community");
        // OpenShift's console filters on these; each says what the operator does not (yet) support.
        a.put("features.operators.openshift.io/disconnected", "false");
        a.put("features.operators.openshift.io/fips-compliant", "false");
        a.put("features.operators.openshift.io/proxy-aware", "false");
        a.put("features.operators.openshift.io/tls-profiles", "false");
        a.put("features.operators.openshift.io/token-auth-aws", "false");
        a.put("features.operators.openshift.io/token-auth-azure", "false");
        a.put("features.operators.openshift.io/token-auth-gcp", "false");
        a.put("features.operators.openshift.io/cnf", "false");
        a.put("features.operators.openshift.io/cni", "false");
        a.put("features.operators.openshift.io/csi", "false");
        return a;
    }

    private ObjectNode spec() {
        ObjectNode spec = Yaml.object();
        spec.put("displayName", "Semantic Router Operator");
        spec.put("description", resource("olm/description.md"));
        spec.put("version", release.version());
        spec.put("minKubeVersion", MIN_KUBE_VERSION);
        spec.put("maturity", "alpha");
        spec.set("keywords", Yaml.strings(List.of("vllm", "semantic-router", "llm", "inference", "routing",
                "ai", "kserve", "openshift-ai")));
        spec.putObject("provider").put("name", "vLLM Semantic Router community")
                .put("url", "https://github.com/vllm-project/semantic-router");
        ArrayNode maintainers = spec.putArray("maintainers");
        maintainers.addObject().put("name", "vLLM Semantic Router maintainers")
                .put("email", "semantic-router@vllm.ai");
        ArrayNode links = spec.putArray("links");
        links.addObject().put("name", "Source").put("url", "https://github.com/vllm-project/semantic-router");
        links.addObject().put("name", "Documentation")
                .put("url", "https://vllm-semantic-router.com/docs/installation/k8s/operator");
        ArrayNode icon = spec.putArray("icon");
        icon.addObject().put("base64data", Base64.getEncoder().encodeToString(
                resource("olm/icon.svg").getBytes(StandardCharsets.UTF_8))).put("mediatype", "image/svg+xml");
        ArrayNode modes = spec.putArray("installModes");
        modes.addObject().put("type", "OwnNamespace").put("supported", true);
        modes.addObject().put("type", "SingleNamespace").put("supported", true);
        modes.addObject().put("type", "MultiNamespace").put("supported", false);
        modes.addObject().put("type", "AllNamespaces").put("supported", true);
        spec.putObject("customresourcedefinitions").putArray("owned").add(ownedCrd());
        spec.set("install", install());
        ArrayNode images = spec.putArray("relatedImages");
        orderedImages.forEach(e -> images.addObject().put("name", e.getKey()).put("image", e.getValue()));
        return spec;
    }

    private ObjectNode ownedCrd() {
        ObjectNode owned = Yaml.object();
        owned.put("name", crd.name());
        owned.put("version", crd.version());
        owned.put("kind", crd.kind());
        owned.put("displayName", crd.displayName());
        owned.put("description", crd.description());
        ArrayNode resources = owned.putArray("resources");
        for (ApiResource kind : produced) {
            resources.addObject().put("kind", kind.kind()).put("name", "").put("version", kind.version());
        }
        owned.set("specDescriptors", CrdDescriptors.spec(crd));
        owned.set("statusDescriptors", CrdDescriptors.status(crd));
        return owned;
    }

    private ObjectNode install() {
        ObjectNode install = Yaml.object().put("strategy", "deployment");
        ObjectNode spec = install.putObject("spec");
        ObjectNode clusterPermission = spec.putArray("clusterPermissions").addObject();
        clusterPermission.put("serviceAccountName", Identity.SERVICE_ACCOUNT);
        clusterPermission.set("rules", InstallObjects.rules(clusterRules));
        ObjectNode permission = spec.putArray("permissions").addObject();
        permission.put("serviceAccountName", Identity.SERVICE_ACCOUNT);
        permission.set("rules", InstallObjects.rules(Permissions.leaderElectionRules()));
        ObjectNode deployment = spec.putArray("deployments").addObject();
        deployment.put("name", Identity.MANAGER);
        deployment.set("label", Yaml.map(Identity.labels()));
        deployment.set("spec", OperatorDeployment.spec(release.operatorImage()));
        return install;
    }

    static String resource(String name) {
        try (InputStream in = ClusterServiceVersion.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
