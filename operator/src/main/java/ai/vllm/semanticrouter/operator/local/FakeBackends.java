package ai.vllm.semanticrouter.operator.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stand-ins for the model servers a sample points at, so that backend discovery succeeds on an
 * API server that runs no KServe, Llama Stack or vLLM: for each {@code spec.vllmEndpoints} entry,
 * the object that discovery looks for (an InferenceService and its predictor Service, a labelled
 * Service, or the named Service).
 */
public final class FakeBackends {
    /** KServe's InferenceService (its CRD must be installed; see {@code semanticrouter/local/}). */
    public static final ResourceDefinitionContext INFERENCE_SERVICES = new ResourceDefinitionContext.Builder()
            .withGroup("serving.kserve.io").withVersion("v1beta1").withKind("InferenceService")
            .withPlural("inferenceservices").withNamespaced(true).build();
    private FakeBackends() {
    }

    /** The objects that make every endpoint of {@code router} discoverable. */
    @SuppressWarnings("unchecked")
    public static List<HasMetadata> forRouter(GenericKubernetesResource router) {
        String namespace = router.getMetadata().getNamespace();
        Map<String, Object> spec = (Map<String, Object>) router.getAdditionalProperties().getOrDefault("spec", Map.of());
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.getOrDefault("vllmEndpoints", List.of());
        List<HasMetadata> objects = new ArrayList<>();
        for (Map<String, Object> endpoint : endpoints) {
            Map<String, Object> backend = (Map<String, Object>) endpoint.getOrDefault("backend", Map.of());
            switch (String.valueOf(backend.get("type"))) {
                case "kserve" -> {
                    String isvc = String.valueOf(backend.get("inferenceServiceName"));
                    objects.add(inferenceService(isvc, namespace));
                    objects.add(service(isvc + "-predictor", namespace, Map.of("serving.kserve.io/inferenceservice", isvc), 8443));
                }
                case "llamastack" -> objects.add(service(endpoint.get("name") + "-llama-stack", namespace,
                        (Map<String, String>) backend.getOrDefault("discoveryLabels", Map.of()), 8321));
                case "service" -> {
                    Map<String, Object> svc = (Map<String, Object>) backend.getOrDefault("service", Map.of());
                    String svcNamespace = String.valueOf(svc.getOrDefault("namespace", namespace));
                    int port = ((Number) svc.getOrDefault("port", 8000)).intValue();
                    objects.add(service(String.valueOf(svc.get("name")), svcNamespace, Map.of(), port));
                }
                default -> { /* an unknown type is rejected by the CRD; nothing to fake */ }
            }
        }
        return objects;
    }

    /** Whether any stand-in is a KServe InferenceService (whose CRD must then be installed). */
    public static boolean needsKServe(List<HasMetadata> objects) {
        return objects.stream().anyMatch(GenericKubernetesResource.class::isInstance);
    }

    /** Creates the objects (and their namespaces) with server-side apply. */
    public static void apply(KubernetesClient client, List<HasMetadata> objects) {
        for (HasMetadata object : objects) {
            String namespace = object.getMetadata().getNamespace();
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                    .fieldManager("semantic-router-local").forceConflicts().serverSideApply();
            if (object instanceof GenericKubernetesResource isvc) {
                client.genericKubernetesResources(INFERENCE_SERVICES).inNamespace(namespace).resource(isvc)
                        .fieldManager("semantic-router-local").forceConflicts().serverSideApply();
            } else {
                client.resource(object).inNamespace(namespace).fieldManager("semantic-router-local").forceConflicts()
                        .serverSideApply();
            }
        }
    }

    /** A minimal KServe InferenceService (a vLLM predictor) named {@code name}. */
    public static GenericKubernetesResource inferenceService(String name, String namespace) {
        GenericKubernetesResource isvc = new GenericKubernetesResource();
        isvc.setApiVersion("serving.kserve.io/v1beta1");
        isvc.setKind("InferenceService");
        isvc.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
        isvc.setAdditionalProperty("spec", Map.of("predictor", Map.of("model", Map.of("modelFormat", Map.of("name", "vllm")))));
        return isvc;
    }

    private static Service service(String name, String namespace, Map<String, String> labels, int port) {
        return new ServiceBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).endMetadata()
                .withNewSpec().addNewPort().withName("http").withPort(port).endPort().endSpec()
                .build();
    }
}
