package ai.vllm.semanticrouter.operator.local;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The router pod as the Deployment defines it, one line per container with its probes and the
 * volumes it mounts: what a user checks before trusting the pod to start, serve and survive.
 */
public final class PodSummary {
    private static final String FORMAT = "  %-22s %s%n";

    private PodSummary() {
    }

    public static String format(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        StringBuilder text = new StringBuilder("Router pod (Deployment " + deployment.getMetadata().getName() + "):\n");
        for (Container init : pod.getInitContainers()) {
            text.append(String.format(FORMAT, "init " + init.getName(), init.getImage() + ", mounts " + mounts(init)));
        }
        for (Container container : pod.getContainers()) {
            List<String> probes = new ArrayList<>();
            probe("startup", container.getStartupProbe(), probes);
            probe("readiness", container.getReadinessProbe(), probes);
            probe("liveness", container.getLivenessProbe(), probes);
            text.append(String.format(FORMAT, container.getName(),
                    (probes.isEmpty() ? "no probes" : String.join(" | ", probes)) + ", mounts " + mounts(container)));
        }
        return text.toString();
    }

    private static void probe(String kind, Probe probe, List<String> probes) {
        if (probe == null) {
            return;
        }
        String target = probe.getTcpSocket() != null ? "tcp:" + probe.getTcpSocket().getPort().getValue()
                : probe.getHttpGet() != null ? "http:" + probe.getHttpGet().getPort().getValue() : "exec";
        int period = Objects.requireNonNullElse(probe.getPeriodSeconds(), 10);
        int failures = Objects.requireNonNullElse(probe.getFailureThreshold(), 3);
        probes.add(kind + " " + target + " every " + period + "s, " + failures + " failures");
    }

    private static String mounts(Container container) {
        return String.join(" ", container.getVolumeMounts().stream().map(m -> m.getMountPath()).toList());
    }
}
