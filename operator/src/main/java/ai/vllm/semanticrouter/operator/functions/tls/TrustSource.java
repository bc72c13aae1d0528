package ai.vllm.semanticrouter.operator.functions.tls;

/**
 * Where the Envoy sidecar finds the CAs it verifies a backend's certificate against. A mounted
 * bundle (the CR's, or the OpenShift service CA) is one file at {@link #MOUNTED_FILE}; the public
 * roots are the ca-certificates bundle the envoyproxy/envoy image (Ubuntu) ships.
 */
public enum TrustSource {
    CA_BUNDLE("the CA bundle of spec.backendTLS.caBundle"),
    SERVICE_CA("the OpenShift service CA"),
    PUBLIC_ROOTS("the public roots of the Envoy image");

    /** The Envoy container's mount of the bundle volume. */
    public static final String MOUNT_PATH = "/etc/envoy-backend-ca";
    public static final String MOUNTED_FILE = MOUNT_PATH + "/ca.crt";
    static final String PUBLIC_ROOTS_FILE = "/etc/ssl/certs/ca-certificates.crt";

    private final String description;

    TrustSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The PEM file Envoy's validation context names. */
    public String file() {
        return this == PUBLIC_ROOTS ? PUBLIC_ROOTS_FILE : MOUNTED_FILE;
    }

    public boolean mounted() {
        return this != PUBLIC_ROOTS;
    }
}
