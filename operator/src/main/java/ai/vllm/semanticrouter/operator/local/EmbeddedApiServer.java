package ai.vllm.semanticrouter.operator.local;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import ai.vllm.semanticrouter.operator.runtime.OperatorClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * A real kube-apiserver + etcd on this machine (through kube-api-test), with its kubeconfig written
 * to a file so that kubectl and the operator can both use it.
 */
public final class EmbeddedApiServer implements AutoCloseable {
    private final KubeAPIServer server;
    private final String kubeConfigYaml;
    private final Path kubeConfigFile;
    private final String kubernetesVersion;

    private EmbeddedApiServer(KubeAPIServer server, String kubeConfigYaml, Path kubeConfigFile, String version) {
        this.server = server;
        this.kubeConfigYaml = kubeConfigYaml;
        this.kubeConfigFile = kubeConfigFile;
        this.kubernetesVersion = version;
    }

    /** Provisions the binaries if needed, starts the server and waits until it serves requests. */
    public static EmbeddedApiServer start(Path kubeConfigFile) {
        return start(kubeConfigFile, UnaryOperator.identity());
    }

    /** As {@link #start(Path)}, with the caller's changes to kube-api-test's configuration. */
    public static EmbeddedApiServer start(Path kubeConfigFile, UnaryOperator<KubeAPIServerConfigBuilder> customise) {
        TestBinaries binaries = TestBinaries.pinned().provision();
        KubeAPIServer server = new KubeAPIServer(customise.apply(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withApiServerVersion(binaries.kubernetesVersion())
                .withOfflineMode(true)
                .withUpdateKubeConfig(false)
                .withStartupTimeout(120_000))
                .build());
        server.start();
        String yaml = server.getKubeConfigYaml();
        try {
            Files.createDirectories(kubeConfigFile.toAbsolutePath().getParent());
            Files.writeString(kubeConfigFile, yaml);
        } catch (IOException e) {
            server.stop();
            throw new UncheckedIOException("cannot write kubeconfig " + kubeConfigFile, e);
        }
        return new EmbeddedApiServer(server, yaml, kubeConfigFile, binaries.kubernetesVersion());
    }

    /**
     * A client of this server for what is not the operator (local mode's samples and pod simulation,
     * tests): fabric8's default serialization, which reads any manifest into its typed model.
     */
    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withHttpClientFactory(new OkHttpClientFactory())
                .withConfig(Config.fromKubeconfig(kubeConfigYaml)).build();
    }

    /** The operator's client builder ({@link OperatorClient}) for this server, to instrument before it is built. */
    public KubernetesClientBuilder operatorClientBuilder() {
        return OperatorClient.builder(Config.fromKubeconfig(kubeConfigYaml));
    }

    public String kubeConfigYaml() {
        return kubeConfigYaml;
    }

    public Path kubeConfigFile() {
        return kubeConfigFile;
    }

    public String kubernetesVersion() {
        return kubernetesVersion;
    }

    @Override
    public void close() {
        server.stop();
    }
}
