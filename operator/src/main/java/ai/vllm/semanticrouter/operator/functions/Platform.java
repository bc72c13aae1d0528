package ai.vllm.semanticrouter.operator.functions;

import java.util.Locale;

/** The cluster flavour, which selects security-context defaults and whether a Route is rendered. */
public enum Platform {
    KUBERNETES("kubernetes", "Detected standard Kubernetes platform - will use standard security contexts"),
    OPENSHIFT("openshift", "Detected OpenShift platform - will use OpenShift-compatible security contexts");

    /** The API group whose presence means OpenShift. */
    public static final String ROUTE_GROUP = "route.openshift.io";

    private final String environmentValue;
    private final String detectionMessage;

    Platform(String environmentValue, String detectionMessage) {
        this.environmentValue = environmentValue;
        this.detectionMessage = detectionMessage;
    }

    /** API discovery: OpenShift when the cluster serves {@code route.openshift.io}. */
    public static Platform detect(ClusterView view) {
        return view.servesGroup(ROUTE_GROUP) ? OPENSHIFT : KUBERNETES;
    }

    /** Parses a command-line value: {@code kubernetes} or {@code openshift}. */
    public static Platform parse(String value) {
        for (Platform platform : values()) {
            if (platform.environmentValue.equals(value.toLowerCase(Locale.ROOT))) {
                return platform;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + value + "' (expected kubernetes or openshift)");
    }

    /** The value of {@code environment.platform}. */
    public String environmentValue() {
        return environmentValue;
    }

    /** The log line printed when this platform is detected. */
    public String detectionMessage() {
        return detectionMessage;
    }
}
