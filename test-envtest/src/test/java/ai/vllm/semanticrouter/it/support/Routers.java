package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.crd.ShippedCrd;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import ai.vllm.semanticrouter.operator.local.PodSimulator;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** SemanticRouter CRs in tests: samples, creation, waiting on status, simulated readiness. */
public final class Routers {
    public static final ResourceDefinitionContext CONTEXT = new ResourceDefinitionContext.Builder()
            .withGroup("vllm.ai").withVersion("v1alpha1").withKind("SemanticRouter").withPlural("semanticrouters")
            .withNamespaced(true).build();
    public static final String CRD_RESOURCE = ShippedCrd.RESOURCE;
    public static final List<String> SAMPLES = List.of("simple", "openshift", "gateway", "llamastack", "route", "production",
            "redis-cache", "complexity", "mmbert");
    public static final Duration RECONCILE_TIMEOUT = Duration.ofSeconds(30);

    private final KubernetesClient client;

    public Routers(KubernetesClient client) {
        this.client = client;
    }

    /** The client these routers are read and written with. */
    public KubernetesClient client() {
        return client;
    }

    /** Installs the SemanticRouter CRD from the compositions module, as users do. */
    public static void installCrd(KubernetesClient client) {
        Manifests.installCrds(client, CRD_RESOURCE);
    }

    /** The SemanticRouter of a sample file, moved to {@code namespace}. */
    public GenericKubernetesResource sample(String name, String namespace) {
        return fromResource("semanticrouter/samples/vllm.ai_v1alpha1_semanticrouter_" + name + ".yaml", namespace);
    }

    /** The SemanticRouter of any classpath YAML file, moved to {@code namespace}. */
    public GenericKubernetesResource fromResource(String resource, String namespace) {
        InputStream in = Routers.class.getClassLoader().getResourceAsStream(resource);
        Objects.requireNonNull(in, "no classpath resource " + resource);
        HasMetadata item = client.load(in).items().stream().filter(i -> "SemanticRouter".equals(i.getKind()))
                .findFirst().orElseThrow();
        GenericKubernetesResource router = (GenericKubernetesResource) item;
        router.getMetadata().setNamespace(namespace);
        return router;
    }

    /** Makes the router's backends discoverable and any StorageClass it names exist, then creates it. */
    public GenericKubernetesResource createWithPrerequisites(GenericKubernetesResource router) {
        List<HasMetadata> backends = FakeBackends.forRouter(router);
        if (FakeBackends.needsKServe(backends)) {
            Manifests.installCrds(client, "crds/kserve-inferenceservice-crd.yaml");
        }
        FakeBackends.apply(client, backends);
        storageClassOf(router).ifPresent(this::ensureStorageClass);
        return create(router);
    }

    public GenericKubernetesResource create(GenericKubernetesResource router) {
        return client.genericKubernetesResources(CONTEXT).inNamespace(router.getMetadata().getNamespace())
                .resource(router).create();
    }

    public GenericKubernetesResource get(String namespace, String name) {
        return client.genericKubernetesResources(CONTEXT).inNamespace(namespace).withName(name).get();
    }

    /** Waits until the operator has written status for the current generation. */
    public GenericKubernetesResource awaitReconciled(String namespace, String name) {
        await("SemanticRouter " + namespace + "/" + name + " reconciled").atMost(RECONCILE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> reconciled(get(namespace, name)));
        return get(namespace, name);
    }

    public GenericKubernetesResource awaitPhase(String namespace, String name, String phase) {
        await("SemanticRouter " + namespace + "/" + name + " phase " + phase).atMost(RECONCILE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100)).until(() -> phase.equals(status(get(namespace, name)).get("phase")));
        return get(namespace, name);
    }

    /** Plays the kubelet: all replicas of the router's Deployment become ready. */
    public void simulateReadyPods(String namespace, String name) {
        await("Deployment " + namespace + "/" + name).atMost(RECONCILE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> PodSimulator.markReady(client, namespace, name));
    }

    /** Plays the kubelet for part of a rollout: {@code ready} of {@code replicas} pods of the router's Deployment are ready. */
    public void simulateReadyReplicas(String namespace, String name, int replicas, int ready) {
        await("Deployment " + namespace + "/" + name).atMost(RECONCILE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> client.apps().deployments().inNamespace(namespace).withName(name).get() != null);
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        deployment.setStatus(new DeploymentStatusBuilder().withReplicas(replicas).withReadyReplicas(ready)
                .withAvailableReplicas(ready).withUpdatedReplicas(replicas)
                .withObservedGeneration(deployment.getMetadata().getGeneration()).build());
        client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
    }

    /** Creates the StorageClass unless it exists (the server's default class {@code standard} does). */
    public void ensureStorageClass(String name) {
        if (client.storage().v1().storageClasses().withName(name).get() != null) {
            return;
        }
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(name)
                .endMetadata().withProvisioner("example.com/test").build()).serverSideApply();
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> status(GenericKubernetesResource router) {
        Object status = router == null ? null : router.getAdditionalProperties().get("status");
        return status instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /** The condition of that type, or an empty map. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> condition(GenericKubernetesResource router, String type) {
        List<Map<String, Object>> conditions = (List<Map<String, Object>>) status(router).getOrDefault("conditions", List.of());
        return conditions.stream().filter(c -> type.equals(c.get("type"))).findFirst().orElse(Map.of());
    }

    public static boolean reconciled(GenericKubernetesResource router) {
        Object observed = status(router).get("observedGeneration");
        return router != null && observed instanceof Number n && n.longValue() == router.getMetadata().getGeneration();
    }

    @SuppressWarnings("unchecked")
    private static Optional<String> storageClassOf(GenericKubernetesResource router) {
        Map<String, Object> spec = (Map<String, Object>) router.getAdditionalProperties().getOrDefault("spec", Map.of());
        Map<String, Object> persistence = (Map<String, Object>) spec.getOrDefault("persistence", Map.of());
        return Optional.ofNullable((String) persistence.get("storageClassName")).filter(s -> !s.isEmpty());
    }
}
