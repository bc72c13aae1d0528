package ai.vllm.semanticrouter.it.support;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Hands the router configs and Envoy bootstraps the operator applied in a namespace to their real consumers. */
public final class AppliedPayloads {
    private static final String COMPONENT = "app.kubernetes.io/component";
    private static final String INSTANCE = "app.kubernetes.io/instance";

    private AppliedPayloads() {
    }

    /** One message per payload a consumer rejected (with its output); empty when all were accepted. */
    public static List<String> problems(KubernetesClient client, String namespace) {
        return check(client, namespace).stream().flatMap(c -> c.problems().stream()).toList();
    }

    /** Every SemanticRouter's payloads in the namespace, found by the component label of their ConfigMaps. */
    public static List<RouterPayloads.Checked> check(KubernetesClient client, String namespace) {
        Map<String, ConfigMap> configs = byInstance(client, namespace, "config");
        Map<String, ConfigMap> bootstraps = byInstance(client, namespace, "envoy-config");
        TreeSet<String> routers = new TreeSet<>(configs.keySet());
        routers.addAll(bootstraps.keySet());
        List<RouterPayloads.Checked> checked = new ArrayList<>();
        for (String router : routers) {
            ConfigMap config = configs.get(router);
            String annotation = config == null || config.getMetadata().getAnnotations() == null ? null
                    : config.getMetadata().getAnnotations().get(RouterConfigDialect.ANNOTATION);
            RouterPayloads payloads = new RouterPayloads(namespace + "/" + router,
                    data(config, "config.yaml"),
                    RouterConfigDialect.of(annotation, imageTag(client, namespace, router)),
                    data(bootstraps.get(router), "envoy.yaml"),
                    envoyTargetPort(client.services().inNamespace(namespace).withName(router).get()));
            checked.add(payloads.check());
        }
        return checked;
    }

    private static Map<String, ConfigMap> byInstance(KubernetesClient client, String namespace, String component) {
        Map<String, ConfigMap> found = new TreeMap<>();
        for (ConfigMap map : client.configMaps().inNamespace(namespace).withLabel(COMPONENT, component).list().getItems()) {
            Map<String, String> labels = map.getMetadata().getLabels();
            found.put(labels.getOrDefault(INSTANCE, map.getMetadata().getName()), map);
        }
        return found;
    }

    private static String data(ConfigMap map, String key) {
        return map == null || map.getData() == null ? null : map.getData().get(key);
    }

    private static String imageTag(KubernetesClient client, String namespace, String router) {
        GenericKubernetesResource cr = client.genericKubernetesResources("vllm.ai/v1alpha1", "SemanticRouter")
                .inNamespace(namespace).withName(router).get();
        if (cr == null || !(cr.getAdditionalProperties().get("spec") instanceof Map<?, ?> spec)
                || !(spec.get("image") instanceof Map<?, ?> image)) {
            return null;
        }
        return Optional.ofNullable(image.get("tag")).map(Object::toString).orElse(null);
    }

    private static String envoyTargetPort(Service service) {
        if (service == null || service.getSpec() == null || service.getSpec().getPorts() == null) {
            return null;
        }
        return service.getSpec().getPorts().stream().filter(p -> RouterPayloads.isEnvoyPortName(p.getName()))
                .findFirst().map(AppliedPayloads::targetPort).orElse(null);
    }

    private static String targetPort(ServicePort port) {
        if (port.getTargetPort() == null) {
            return String.valueOf(port.getPort());
        }
        return port.getTargetPort().getIntVal() != null ? String.valueOf(port.getTargetPort().getIntVal())
                : port.getTargetPort().getStrVal();
    }
}
