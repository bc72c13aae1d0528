package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The operator's own monitoring, for the prometheus-operator and Grafana: a ServiceMonitor for the
 * metrics Service, the PrometheusRule of {@code olm/monitoring/alerts.yaml} and the Grafana dashboard
 * {@code olm/monitoring/dashboard.json} in a ConfigMap labelled {@code grafana_dashboard: "1"} (the
 * label Grafana's dashboard sidecar looks for).
 */
public final class MonitoringObjects {
    public static final String SERVICE_MONITOR = "semantic-router-operator-controller-manager-metrics-monitor";
    public static final String PROMETHEUS_RULE = "semantic-router-operator-alerts";
    public static final String DASHBOARD = "semantic-router-operator-dashboard";
    public static final String DASHBOARD_KEY = "semantic-router-operator.json";
    static final String ALERTS_RESOURCE = "olm/monitoring/alerts.yaml";
    static final String DASHBOARD_RESOURCE = "olm/monitoring/dashboard.json";

    private MonitoringObjects() {
    }

    /** Scrapes the metrics Service's {@code metrics} port; honours the CR labels of semanticrouter_status_condition. */
    public static ObjectNode serviceMonitor(boolean namespaced) {
        ObjectNode monitor = object("ServiceMonitor", SERVICE_MONITOR, namespaced);
        ObjectNode spec = monitor.putObject("spec");
        spec.putObject("selector").set("matchLabels", Yaml.map(Identity.selectorLabels()));
        spec.putArray("endpoints").addObject().put("port", "metrics").put("path", "/metrics").put("scheme", "http")
                .put("interval", "30s").put("honorLabels", true);
        return monitor;
    }

    public static ObjectNode prometheusRule(boolean namespaced) {
        ObjectNode rule = object("PrometheusRule", PROMETHEUS_RULE, namespaced);
        List<JsonNode> documents = Yaml.documents(ClusterServiceVersion.resource(ALERTS_RESOURCE));
        rule.set("spec", documents.get(0));
        return rule;
    }

    public static ObjectNode dashboard(boolean namespaced) {
        ObjectNode configMap = InstallObjects.object("v1", "ConfigMap", DASHBOARD, namespaced);
        ((ObjectNode) configMap.path("metadata").path("labels")).put("grafana_dashboard", "1");
        configMap.putObject("data").put(DASHBOARD_KEY, ClusterServiceVersion.resource(DASHBOARD_RESOURCE));
        return configMap;
    }

    private static ObjectNode object(String kind, String name, boolean namespaced) {
        return InstallObjects.object("monitoring.coreos.com/v1", kind, name, namespaced);
    }
}
