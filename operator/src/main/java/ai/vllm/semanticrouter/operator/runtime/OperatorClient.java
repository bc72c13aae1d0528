package ai.vllm.semanticrouter.operator.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.kubernetes.client.utils.Utils;

/**
 * How the operator builds its Kubernetes client, in every mode (run, local):
 * <ul>
 *   <li>fabric8's OkHttp client: HTTP/2 (ALPN) to the API server, every request on one connection
 *   (fabric8's Vert.x 4 client is HTTP/1.1 only; bench/README.md, "HTTP/2 and connection reuse");</li>
 *   <li>a serialization that does not look up every model class of the classpath: on its first
 *   polymorphic read, fabric8's default instantiates each of its ~1,000 model classes through the
 *   service loader, to map apiVersion and kind to a class. The operator reads objects as trees and
 *   asks for typed models by class, where no lookup is needed; an object of no registered kind is
 *   read as a generic resource and converted to the type asked for.</li>
 *   <li>TLS that offers ChaCha20-Poly1305 first, unless {@code jdk.tls.client.cipherSuites} is set: the
 *   operator runs C1-compiled code only, where the JDK's AES-GCM is plain Java (its AES-NI and carry-less
 *   multiply intrinsics are C2's) and 4x slower than ChaCha20-Poly1305 (39 against 158 MB/s); GHASH
 *   alone was 9 % of the CPU of a convergence. The API server (Go) follows a client that puts ChaCha
 *   first; a server that cannot (FIPS) picks the AES-GCM suites listed after it.</li>
 *   <li>no token refresh for a configuration that authenticates with a client certificate alone
 *   ({@link #withoutIdleTokenRefresh}).</li>
 * </ul>
 */
public final class OperatorClient {
    static final String CIPHER_SUITES = String.join(",",
            "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

    private OperatorClient() {
    }

    /**
     * The client builder for {@code config} (e.g. {@code Config.autoConfigure(null)}: in-cluster, else
     * the kubeconfig); the first call also sets the process's TLS cipher preference (read by the JDK
     * when the first TLS context is made) unless the user set one.
     */
    public static KubernetesClientBuilder builder(Config config) {
        return builder().withConfig(withoutIdleTokenRefresh(config));
    }

    /**
     * {@code config}, except that one that authenticates with a client certificate alone (no token, token
     * provider, auth provider or password) gets a token provider that has no token. fabric8 7.5's
     * {@code TokenRefreshInterceptor} moves its once-a-minute clock only when a refresh yields a new token;
     * with none to find, it re-reads the whole configuration (kubeconfig, environment) before every
     * request once the operator's first minute is over: 10 % of the CPU of a round of warm updates of
     * 500 routers (bench/README.md). It never refreshes a certificate, so nothing is lost. Tokens (a
     * service account's, an exec plugin's, OIDC) keep their refresh.
     */
    static Config withoutIdleTokenRefresh(Config config) {
        boolean certificateOnly = Utils.isNullOrEmpty(config.getOauthToken())
                && Utils.isNullOrEmpty(config.getAutoOAuthToken()) && config.getOauthTokenProvider() == null
                && config.getAuthProvider() == null && Utils.isNullOrEmpty(config.getUsername())
                && (Utils.isNotNullOrEmpty(config.getClientCertData()) || Utils.isNotNullOrEmpty(config.getClientCertFile()));
        if (certificateOnly) {
            config.setOauthTokenProvider(() -> null);
        }
        return config;
    }

    private static KubernetesClientBuilder builder() {
        if (System.getProperty("jdk.tls.client.cipherSuites") == null) {
            System.setProperty("jdk.tls.client.cipherSuites", CIPHER_SUITES);
        }
        return new KubernetesClientBuilder().withHttpClientFactory(new OkHttpClientFactory())
                .withKubernetesSerialization(new KubernetesSerialization(new ObjectMapper(), false));
    }
}
