package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The operator's Deployment spec, shared word for word by the kustomize install and the CSV.
 * Restricted pod security: non-root, no privilege escalation, ALL capabilities dropped, seccomp
 * RuntimeDefault, read-only root filesystem with an emptyDir for the JVM's /tmp.
 */
public final class OperatorDeployment {
    static final String CONTAINER = "manager";

    private OperatorDeployment() {
    }

    public static ObjectNode spec(String image) {
        ObjectNode spec = Yaml.object();
        spec.put("replicas", 1);
        spec.set("selector", Yaml.object().set("matchLabels", Yaml.map(Identity.selectorLabels())));
        ObjectNode template = spec.putObject("template");
        ObjectNode metadata = template.putObject("metadata");
        metadata.set("labels", Yaml.map(Identity.labels()));
        metadata.putObject("annotations").put("kubectl.kubernetes.io/default-container", CONTAINER);
        ObjectNode pod = template.putObject("spec");
        pod.put("serviceAccountName", Identity.SERVICE_ACCOUNT);
        // The JVM needs a few seconds to hand the Lease over; more would only delay rollouts.
        pod.put("terminationGracePeriodSeconds", 10);
        ObjectNode podSecurity = pod.putObject("securityContext");
        podSecurity.put("runAsNonRoot", true);
        podSecurity.putObject("seccompProfile").put("type", "RuntimeDefault");
        pod.putArray("containers").add(container(image));
        ArrayNode volumes = pod.putArray("volumes");
        volumes.addObject().put("name", "tmp").putObject("emptyDir");
        ObjectNode extra = volumes.addObject().put("name", "extra-compositions").putObject("configMap");
        extra.put("name", Identity.EXTRA_COMPOSITIONS);
        // The operator starts without it: deleting the ConfigMap only removes the user compositions.
        extra.put("optional", true);
        return spec;
    }

    private static ObjectNode container(String image) {
        ObjectNode container = Yaml.object();
        container.put("name", CONTAINER);
        container.put("image", image);
        container.put("imagePullPolicy", "IfNotPresent");
        container.set("args", Yaml.strings(List.of("run",
                "--metrics-port=" + Identity.METRICS_PORT,
                "--health-port=" + Identity.HEALTH_PORT,
                "--leader-election",
                "--compositions-dir=" + Identity.EXTRA_COMPOSITIONS_DIR)));
        ArrayNode env = container.putArray("env");
        env.add(fieldRef("POD_NAMESPACE", "metadata.namespace"));
        env.add(fieldRef("POD_NAME", "metadata.name"));
        ArrayNode ports = container.putArray("ports");
        ports.addObject().put("name", "metrics").put("containerPort", Identity.METRICS_PORT).put("protocol", "TCP");
        ports.addObject().put("name", "health").put("containerPort", Identity.HEALTH_PORT).put("protocol", "TCP");
        container.set("livenessProbe", probe("/healthz", 15, 20));
        container.set("readinessProbe", probe("/readyz", 5, 10));
        // The image's JVM (JDK 25, no ahead-of-time cache, heap 75 % of the limit) under a 384Mi limit:
        // RSS 131 MiB started, 186 MiB with 500 routers converged, 59 MB of it live heap (bench/README.md,
        // issue 26); at about 76 KiB of heap per router the heap (288 MiB) holds roughly 3,000.
        ObjectNode resources = container.putObject("resources");
        resources.putObject("requests").put("cpu", "100m").put("memory", "256Mi");
        resources.putObject("limits").put("cpu", "1").put("memory", "384Mi");
        ObjectNode security = container.putObject("securityContext");
        security.put("allowPrivilegeEscalation", false);
        security.putObject("capabilities").set("drop", Yaml.strings(List.of("ALL")));
        security.put("readOnlyRootFilesystem", true);
        security.put("runAsNonRoot", true);
        ArrayNode mounts = container.putArray("volumeMounts");
        mounts.addObject().put("name", "tmp").put("mountPath", "/tmp");
        mounts.addObject().put("name", "extra-compositions").put("mountPath", Identity.EXTRA_COMPOSITIONS_DIR)
                .put("readOnly", true);
        return container;
    }

    private static ObjectNode fieldRef(String name, String path) {
        ObjectNode env = Yaml.object().put("name", name);
        env.putObject("valueFrom").putObject("fieldRef").put("fieldPath", path);
        return env;
    }

    private static ObjectNode probe(String path, int initialDelay, int period) {
        ObjectNode probe = Yaml.object();
        probe.putObject("httpGet").put("path", path).put("port", "health");
        probe.put("initialDelaySeconds", initialDelay);
        probe.put("periodSeconds", period);
        probe.put("timeoutSeconds", 5);
        probe.put("failureThreshold", 3);
        return probe;
    }
}
