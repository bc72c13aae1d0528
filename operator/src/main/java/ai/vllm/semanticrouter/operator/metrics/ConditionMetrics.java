package ai.vllm.semanticrouter.operator.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * {@code semanticrouter_status_condition{namespace,name,type,status}}: 1 for each condition of each
 * SemanticRouter as the operator's cache holds it now (kube-state-metrics' shape), so that alerts can
 * name the CR, e.g. {@code type="Stalled", status="True"}. Read at scrape time; no series without CRs.
 */
final class ConditionMetrics {
    private ConditionMetrics() {
    }

    static void register(PrometheusRegistry registry, Supplier<? extends Collection<? extends JsonNode>> semanticRouters) {
        GaugeWithCallback.builder().name("semanticrouter_status_condition")
                .help("The status of each condition of each SemanticRouter (1 for the status it has now)")
                .labelNames("namespace", "name", "type", "status")
                .callback(callback -> {
                    for (JsonNode cr : semanticRouters.get()) {
                        JsonNode metadata = cr.path("metadata");
                        for (JsonNode condition : cr.path("status").path("conditions")) {
                            callback.call(1, metadata.path("namespace").asText(), metadata.path("name").asText(),
                                    condition.path("type").asText(), condition.path("status").asText());
                        }
                    }
                })
                .register(registry);
    }
}
