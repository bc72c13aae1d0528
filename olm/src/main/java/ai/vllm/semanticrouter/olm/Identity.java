package ai.vllm.semanticrouter.olm;

import java.util.LinkedHashMap;
import java.util.Map;

/** The operator's fixed names (docs/contracts.md) and the labels every install object carries. */
public final class Identity {
    public static final String PACKAGE = "semantic-router-operator";
    public static final String NAMESPACE = "semantic-router-operator-system";
    public static final String MANAGER = "semantic-router-operator-controller-manager";
    public static final String SERVICE_ACCOUNT = MANAGER;
    public static final String CLUSTER_ROLE = "semantic-router-operator-manager-role";
    public static final String CLUSTER_ROLE_BINDING = "semantic-router-operator-manager-rolebinding";
    public static final String LEADER_ELECTION_ROLE = "semantic-router-operator-leader-election-role";
    public static final String LEADER_ELECTION_ROLE_BINDING = "semantic-router-operator-leader-election-rolebinding";
    public static final String EXTENSIONS_ROLE = "semantic-router-operator-extensions-role";
    public static final String EXTENSIONS_ROLE_BINDING = "semantic-router-operator-extensions-rolebinding";
    public static final String EDITOR_ROLE = "semantic-router-operator-semanticrouter-editor-role";
    public static final String VIEWER_ROLE = "semantic-router-operator-semanticrouter-viewer-role";
    public static final String METRICS_SERVICE = "semantic-router-operator-controller-manager-metrics-service";
    public static final String EXTRA_COMPOSITIONS = "semantic-router-operator-extra-compositions";
    public static final String EXTRA_COMPOSITIONS_DIR = "/etc/semantic-router/compositions";
    public static final String LEASE = "semantic-router-operator.vllm.ai";
    public static final int METRICS_PORT = 8080;
    public static final int HEALTH_PORT = 8081;

    private Identity() {
    }

    /** Labels of every object we install; the first two also select the manager's pods. */
    public static Map<String, String> labels() {
        Map<String, String> labels = selectorLabels();
        labels.put("app.kubernetes.io/part-of", "semantic-router");
        return labels;
    }

    public static Map<String, String> selectorLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", PACKAGE);
        labels.put("app.kubernetes.io/component", "manager");
        return labels;
    }
}
