package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.local.DefaultStorageClass;
import ai.vllm.semanticrouter.operator.local.EmbeddedApiServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real kube-apiserver + etcd shared by every IT of this JVM: starting one takes seconds, and
 * each test isolates itself in namespaces of its own. Like a real cluster, every server has a
 * default StorageClass ({@link DefaultStorageClass}); a test of a cluster without one deletes it
 * on a dedicated server.
 */
public final class ApiServer {
    private static final AtomicInteger NAMESPACES = new AtomicInteger();
    private static ApiServer shared;

    private final EmbeddedApiServer server;
    private final KubernetesClient client;

    private ApiServer(EmbeddedApiServer server) {
        this.server = server;
        this.client = server.newClient();
        DefaultStorageClass.ensure(client);
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized ApiServer shared() {
        if (shared == null) {
            Path kubeconfig = Path.of(System.getProperty("java.io.tmpdir"),
                    "semantic-router-it-" + ProcessHandle.current().pid(), "kubeconfig.yaml");
            ApiServer started = new ApiServer(EmbeddedApiServer.start(kubeconfig));
            Runtime.getRuntime().addShutdownHook(new Thread(started.server::close, "api-server-stop"));
            shared = started;
        }
        return shared;
    }

    /**
     * A server of its own for tests that change what the API server serves (OpenShift Routes,
     * Gateway API): the caller closes it.
     */
    public static ApiServer dedicated(String purpose) {
        return dedicated(purpose, UnaryOperator.identity());
    }

    /** A dedicated server with changes to kube-api-test's configuration (e.g. its folder). */
    public static ApiServer dedicated(String purpose, UnaryOperator<KubeAPIServerConfigBuilder> customise) {
        Path kubeconfig = Path.of(System.getProperty("java.io.tmpdir"),
                "semantic-router-it-" + ProcessHandle.current().pid() + "-" + purpose, "kubeconfig.yaml");
        return new ApiServer(EmbeddedApiServer.start(kubeconfig, customise));
    }

    /** A dedicated server of a cluster without a default StorageClass (a PVC naming no class stays Pending). */
    public static ApiServer withoutDefaultStorageClass(String purpose) {
        ApiServer bare = dedicated(purpose);
        bare.client.storage().v1().storageClasses().withName(DefaultStorageClass.NAME).delete();
        return bare;
    }

    /** Stops a dedicated server (never the shared one). */
    public void stop() {
        if (this != shared) {
            client.close();
            server.close();
        }
    }

    /** A superuser client (kube-api-test's credentials). */
    public KubernetesClient client() {
        return client;
    }

    public EmbeddedApiServer server() {
        return server;
    }

    /** Creates a namespace with a unique name that starts with {@code prefix}. */
    public String newNamespace(String prefix) {
        String name = (prefix + "-" + NAMESPACES.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36))
                .toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }
}
