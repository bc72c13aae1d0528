package ai.vllm.semanticrouter.operator.local;

import ai.vllm.semanticrouter.operator.crd.ShippedCrd;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.InputStream;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The steps of {@code local} against one API server: CRD, sample, waiting, and what to print. */
final class LocalSession {
    static final ResourceDefinitionContext ROUTERS = new ResourceDefinitionContext.Builder()
            .withGroup("vllm.ai").withVersion("v1alpha1").withKind("SemanticRouter").withPlural("semanticrouters")
            .withNamespaced(true).build();
    private static final String CRD = ShippedCrd.RESOURCE;
    private static final String SAMPLES = "semanticrouter/samples/vllm.ai_v1alpha1_semanticrouter_%s.yaml";
    private static final String INSTANCE = "app.kubernetes.io/instance";

    private final KubernetesClient client;
    private final Duration timeout;

    LocalSession(KubernetesClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    static void progress(String message) {
        System.out.println("[local " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + message);
    }

    void installCrd() {
        for (String resource : List.of(CRD, "semanticrouter/local/kserve-inferenceservice-crd.yaml")) {
            CustomResourceDefinition crd = (CustomResourceDefinition) client.load(open(resource)).items().get(0);
            client.resource(crd).fieldManager("semantic-router-local").forceConflicts().serverSideApply();
            awaitTrue("CRD " + crd.getMetadata().getName() + " established", () -> established(crd.getMetadata().getName()));
            progress("installed CRD " + crd.getMetadata().getName());
        }
    }

    /** Plays the cluster's storage: a default StorageClass, as kind and minikube have. */
    void installDefaultStorageClass() {
        DefaultStorageClass.ensure(client);
        progress("created the default StorageClass " + DefaultStorageClass.NAME);
    }

    GenericKubernetesResource loadSample(String name) {
        String resource = String.format(SAMPLES, name);
        HasMetadata item = client.load(open(resource)).items().stream()
                .filter(i -> "SemanticRouter".equals(i.getKind())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(resource + " holds no SemanticRouter"));
        GenericKubernetesResource router = (GenericKubernetesResource) item;
        if (router.getMetadata().getNamespace() == null) {
            router.getMetadata().setNamespace("default");
        }
        return router;
    }

    void apply(GenericKubernetesResource router) {
        client.genericKubernetesResources(ROUTERS).inNamespace(router.getMetadata().getNamespace()).resource(router)
                .fieldManager("semantic-router-local").forceConflicts().serverSideApply();
        progress("applied SemanticRouter " + router.getMetadata().getNamespace() + "/" + router.getMetadata().getName());
    }

    GenericKubernetesResource read(GenericKubernetesResource router) {
        return client.genericKubernetesResources(ROUTERS).inNamespace(router.getMetadata().getNamespace())
                .withName(router.getMetadata().getName()).get();
    }

    void awaitReconciled(GenericKubernetesResource router, boolean simulateReady) {
        awaitTrue("status.observedGeneration to reach metadata.generation", () -> reconciled(read(router)));
        progress("reconciled: phase " + phase(read(router)));
        if (simulateReady) {
            String namespace = router.getMetadata().getNamespace();
            String name = router.getMetadata().getName();
            awaitTrue("Deployment " + name, () -> PodSimulator.markReady(client, namespace, name));
            progress("simulated ready pods for Deployment " + namespace + "/" + name + " (no kubelet runs here)");
            awaitTrue("phase Running", () -> "Running".equals(phase(read(router))));
            progress("phase Running");
        }
    }

    String describeObjects(GenericKubernetesResource router) {
        String namespace = router.getMetadata().getNamespace();
        Map<String, String> selector = Map.of(INSTANCE, router.getMetadata().getName());
        List<? extends HasMetadata> objects = Stream.of(
                client.apps().deployments().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.services().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.configMaps().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.serviceAccounts().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.persistentVolumeClaims().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.autoscaling().v2().horizontalPodAutoscalers().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.network().v1().ingresses().inNamespace(namespace).withLabels(selector).list().getItems(),
                client.policy().v1().podDisruptionBudget().inNamespace(namespace).withLabels(selector).list().getItems())
                .flatMap(List::stream).toList();
        return "Created objects (-l " + INSTANCE + "=" + router.getMetadata().getName() + "):\n" + objects.stream()
                .map(o -> "  " + o.getKind().toLowerCase() + "/" + o.getMetadata().getName())
                .collect(Collectors.joining("\n"));
    }

    /** The router's Deployment, once it exists. */
    Optional<Deployment> deployment(GenericKubernetesResource router) {
        return Optional.ofNullable(client.apps().deployments().inNamespace(router.getMetadata().getNamespace())
                .withName(router.getMetadata().getName()).get());
    }

    @SuppressWarnings("unchecked")
    String conditions(GenericKubernetesResource router) {
        Object status = read(router).getAdditionalProperties().get("status");
        List<Map<String, Object>> conditions = status instanceof Map<?, ?> map
                ? (List<Map<String, Object>>) ((Map<String, Object>) map).getOrDefault("conditions", List.of()) : List.of();
        return "Conditions:\n" + conditions.stream()
                .map(c -> String.format("  %-20s %-6s %-24s %s", c.get("type"), c.get("status"), c.get("reason"),
                        Objects.toString(c.get("message"), "")))
                .collect(Collectors.joining("\n"));
    }

    @SuppressWarnings("unchecked")
    private static String phase(GenericKubernetesResource router) {
        Object status = router == null ? null : router.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? Objects.toString(((Map<String, Object>) map).get("phase"), "") : "";
    }

    @SuppressWarnings("unchecked")
    private static boolean reconciled(GenericKubernetesResource router) {
        if (router == null || !(router.getAdditionalProperties().get("status") instanceof Map<?, ?> status)) {
            return false;
        }
        Object observed = ((Map<String, Object>) status).get("observedGeneration");
        return observed instanceof Number n && n.longValue() == router.getMetadata().getGeneration();
    }

    private boolean established(String name) {
        CustomResourceDefinition crd = client.apiextensions().v1().customResourceDefinitions().withName(name).get();
        return crd != null && crd.getStatus() != null && crd.getStatus().getConditions() != null
                && crd.getStatus().getConditions().stream()
                .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private void awaitTrue(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + timeout.getSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    private static InputStream open(String resource) {
        InputStream in = LocalSession.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + resource);
        }
        return in;
    }
}
