package ai.vllm.semanticrouter.it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The prometheus-operator's ServiceMonitor and PrometheusRule CRDs, as provision/monitoring-crds.sh
 * took them from the prometheus-operator Go module (PROMETHEUS_OPERATOR_VERSION of versions.env).
 */
public final class MonitoringCrds {
    private MonitoringCrds() {
    }

    /** The CRD files; a clear failure naming the script when they were not provisioned. */
    public static List<Path> files(Path repositoryRoot) {
        String version = PinnedVersions.of(repositoryRoot, "PROMETHEUS_OPERATOR_VERSION");
        Path folder = ValidatorProcess.cacheDir().resolve("monitoring-crds").resolve(version);
        List<Path> files = List.of(folder.resolve("monitoring.coreos.com_servicemonitors.yaml"),
                folder.resolve("monitoring.coreos.com_prometheusrules.yaml"));
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: run test-envtest/provision/monitoring-crds.sh "
                        + "(mvn verify runs it before the integration tests)");
            }
        }
        return files;
    }
}
