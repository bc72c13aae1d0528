package ai.vllm.semanticrouter.it.support;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What a SemanticRouter (as stored, with the CRD's defaults) should produce, read from its spec by
 * the rules users read in the documentation — independent of the compositions' own logic.
 */
public final class RouterExpectations {
    private final GenericKubernetesResource router;
    private final String platform;

    private RouterExpectations(GenericKubernetesResource router, String platform) {
        this.router = router;
        this.platform = platform;
    }

    public static RouterExpectations of(GenericKubernetesResource storedRouter, String platform) {
        return new RouterExpectations(storedRouter, platform);
    }

    public boolean standalone() {
        return at("gateway", "existingRef") == null;
    }

    public boolean autoscaling() {
        return Boolean.TRUE.equals(at("autoscaling", "enabled"));
    }

    public boolean pvcOwned() {
        return "Delete".equals(at("persistence", "reclaimPolicy"));
    }

    public int endpointCount() {
        return endpoints().size();
    }

    public int modelCount() {
        return (int) endpoints().stream().map(e -> e.get("model")).distinct().count();
    }

    @SuppressWarnings("unchecked")
    public int toolCount() {
        Object tools = spec().get("toolsDb");
        return tools instanceof List<?> list ? list.size() : 0;
    }

    /** Kind/name of every object that must exist, with a way to read it. */
    public Map<String, BiFunction<KubernetesClient, String, HasMetadata>> expectedObjects() {
        String name = router.getMetadata().getName();
        Map<String, BiFunction<KubernetesClient, String, HasMetadata>> objects = new LinkedHashMap<>();
        objects.put("Deployment/" + name, (c, ns) -> c.apps().deployments().inNamespace(ns).withName(name).get());
        objects.put("Service/" + name, (c, ns) -> c.services().inNamespace(ns).withName(name).get());
        objects.put("ConfigMap/" + name + "-config", (c, ns) -> c.configMaps().inNamespace(ns).withName(name + "-config").get());
        if (standalone()) {
            objects.put("ConfigMap/" + name + "-envoy-config",
                    (c, ns) -> c.configMaps().inNamespace(ns).withName(name + "-envoy-config").get());
        }
        if (!Boolean.FALSE.equals(at("serviceAccount", "create")) && spec().get("serviceAccount") != null) {
            String account = Objects.toString(at("serviceAccount", "name"), name);
            objects.put("ServiceAccount/" + account, (c, ns) -> c.serviceAccounts().inNamespace(ns).withName(account).get());
        }
        if (Boolean.TRUE.equals(at("persistence", "enabled")) && at("persistence", "existingClaim") == null) {
            objects.put("PersistentVolumeClaim/" + name + "-models",
                    (c, ns) -> c.persistentVolumeClaims().inNamespace(ns).withName(name + "-models").get());
        }
        if (autoscaling()) {
            objects.put("HorizontalPodAutoscaler/" + name,
                    (c, ns) -> c.autoscaling().v2().horizontalPodAutoscalers().inNamespace(ns).withName(name).get());
        }
        if (Boolean.TRUE.equals(at("ingress", "enabled"))) {
            objects.put("Ingress/" + name, (c, ns) -> c.network().v1().ingresses().inNamespace(ns).withName(name).get());
        }
        if (Boolean.TRUE.equals(at("podDisruptionBudget", "enabled"))) {
            objects.put("PodDisruptionBudget/" + name,
                    (c, ns) -> c.policy().v1().podDisruptionBudget().inNamespace(ns).withName(name).get());
        }
        return objects;
    }

    public List<String> missingObjects(KubernetesClient client, String namespace) {
        List<String> missing = new ArrayList<>();
        expectedObjects().forEach((key, reader) -> {
            if (reader.apply(client, namespace) == null) {
                missing.add(key);
            }
        });
        return missing;
    }

    public List<HasMetadata> presentObjects(KubernetesClient client, String namespace) {
        return expectedObjects().values().stream().map(r -> r.apply(client, namespace)).filter(Objects::nonNull).toList();
    }

    public String platform() {
        return platform;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> endpoints() {
        Object endpoints = spec().get("vllmEndpoints");
        return endpoints instanceof List<?> list ? (List<Map<String, Object>>) list : List.of();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> spec() {
        Object spec = router.getAdditionalProperties().get("spec");
        return spec instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @SuppressWarnings("unchecked")
    private Object at(String section, String field) {
        Object parent = spec().get(section);
        return parent instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(field) : null;
    }
}
