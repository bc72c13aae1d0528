package ai.vllm.semanticrouter.it.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;

/** Installs YAML manifests from the classpath, the way `kubectl apply --server-side` would. */
public final class Manifests {
    private static final String FIELD_MANAGER = "integration-tests";

    private Manifests() {
    }

    /** Loads every document of a multi-document YAML resource. */
    public static List<HasMetadata> load(KubernetesClient client, String resource) {
        InputStream in = Manifests.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalArgumentException("no classpath resource " + resource);
        }
        return client.load(in).items();
    }

    /** Applies the CRDs in {@code resource} and waits until the API server serves them. */
    public static void installCrds(KubernetesClient client, String resource) {
        installCrds(client, load(client, resource));
    }

    /** Applies these CRDs and waits until the API server serves them. */
    public static void installCrds(KubernetesClient client, List<HasMetadata> crds) {
        for (HasMetadata item : crds) {
            CustomResourceDefinition crd = (CustomResourceDefinition) item;
            client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
            await("CRD " + crd.getMetadata().getName() + " established").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> established(client, crd.getMetadata().getName()));
        }
    }

    /** Deletes the CRDs in {@code resource} and waits until they are gone. */
    public static void uninstallCrds(KubernetesClient client, String resource) {
        for (HasMetadata item : load(client, resource)) {
            String name = item.getMetadata().getName();
            client.apiextensions().v1().customResourceDefinitions().withName(name).delete();
            await("CRD " + name + " deleted").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> client.apiextensions().v1().customResourceDefinitions().withName(name).get() == null);
        }
    }

    public static boolean established(KubernetesClient client, String crdName) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(crdName).get();
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
