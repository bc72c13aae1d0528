package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.local.TestBinaries;
import io.fabric8.kubeapitest.KubeAPIServerConfig;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubeapitest.binary.BinaryManager;
import io.fabric8.kubeapitest.cert.CertManager;
import io.fabric8.kubeapitest.kubeconfig.KubeConfig;
import io.fabric8.kubeapitest.process.EtcdProcess;
import io.fabric8.kubeapitest.process.KubeAPIServerProcess;
import io.fabric8.kubeapitest.process.UnexpectedProcessStopHandler;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import static org.awaitility.Awaitility.await;

/**
 * A kube-apiserver + etcd whose API server process can be restarted on the same port with the same
 * etcd data, as a control-plane restart looks to a client. kube-api-test's {@code KubeAPIServer}
 * cannot do this (a second start picks a new port and fresh etcd data, and an API server process
 * that exits makes it stop etcd too), so this assembles kube-api-test's own parts and relaunches the
 * API server with the command line kube-api-test gave it.
 */
public final class RestartableApiServer implements AutoCloseable {
    private static final UnexpectedProcessStopHandler IGNORE = process -> { };

    private final EtcdProcess etcd;
    private final KubeAPIServerProcess firstApiServer;
    private final List<String> command;
    private final int port;
    private final Path log;
    private final KubernetesClient client;
    private final String kubeConfigYaml;
    private Process relaunched;
    private int namespaces;

    private RestartableApiServer(EtcdProcess etcd, KubeAPIServerProcess firstApiServer, List<String> command, int port,
                                 Path log, String kubeConfigYaml) {
        this.etcd = etcd;
        this.firstApiServer = firstApiServer;
        this.command = command;
        this.port = port;
        this.log = log;
        this.kubeConfigYaml = kubeConfigYaml;
        this.client = newClient();
        Runtime.getRuntime().addShutdownHook(new Thread(this::destroyRelaunched, "relaunched-api-server-stop"));
    }

    public static RestartableApiServer start(String purpose) {
        KubeAPIServerConfig config = KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withApiServerVersion(TestBinaries.pinned().provision().kubernetesVersion())
                .withOfflineMode(true).withUpdateKubeConfig(false).withStartupTimeout(120_000).build();
        BinaryManager binaries = new BinaryManager(config);
        binaries.initAndDownloadIfRequired();
        CertManager certificates = new CertManager(config.getKubeAPITestDir());
        certificates.createCertificatesIfNeeded();
        EtcdProcess etcd = new EtcdProcess(binaries, IGNORE, config.isWaitForEtcdHealthCheckOnStartup(),
                config.getStartupTimeout());
        KubeAPIServerProcess apiServer = new KubeAPIServerProcess(certificates, binaries, IGNORE, config);
        int port = apiServer.startApiServer(etcd.startEtcd());
        apiServer.waitUntilReady();
        Path log = Path.of(System.getProperty("java.io.tmpdir"),
                "semantic-router-it-" + ProcessHandle.current().pid() + "-" + purpose + "-apiserver.log");
        return new RestartableApiServer(etcd, apiServer, commandLineOfApiServer(port), port, log,
                new KubeConfig(certificates, binaries).generateKubeConfigYaml(port));
    }

    /** A superuser client; it keeps working across restarts (same address, same certificates). */
    public KubernetesClient client() {
        return client;
    }

    public KubernetesClient newClient() {
        return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeConfigYaml)).build();
    }

    public String newNamespace(String prefix) {
        String name = (prefix + "-" + (++namespaces) + "-" + Long.toString(System.nanoTime() % 100_000, 36))
                .toLowerCase(Locale.ROOT);
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
                .create();
        return name;
    }

    /**
     * Stops the API server process (etcd keeps running), waits until its port refuses connections,
     * starts it again with the same command line and waits until it is ready.
     * @return how long the API server was unreachable
     */
    public synchronized Duration restart() {
        long stopped = System.nanoTime();
        stopApiServer();
        await("API server port closed").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> !accepting());
        try {
            relaunched = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot relaunch kube-apiserver", e);
        }
        await("API server ready again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .ignoreExceptions().until(() -> "ok".equals(client.raw("/readyz")));
        return Duration.ofNanos(System.nanoTime() - stopped);
    }

    @Override
    public void close() {
        client.close();
        stopApiServer();
        etcd.stopEtcd();
        etcd.cleanEtcdData();
    }

    private synchronized void stopApiServer() {
        if (relaunched == null) {
            firstApiServer.stopApiServer();
            return;
        }
        relaunched.destroy();
        relaunched.onExit().join();
        relaunched = null;
    }

    private synchronized void destroyRelaunched() {
        if (relaunched != null) {
            relaunched.destroyForcibly();
        }
    }

    private boolean accepting() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The exact arguments kube-api-test started kube-apiserver with (a child of this JVM listening on port). */
    private static List<String> commandLineOfApiServer(int port) {
        return ProcessHandle.current().children()
                .map(child -> cmdline(child.pid()))
                .filter(args -> !args.isEmpty() && args.get(0).endsWith("kube-apiserver"))
                .filter(args -> args.contains(String.valueOf(port)) || args.contains("--secure-port=" + port))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no kube-apiserver child process on port " + port));
    }

    private static List<String> cmdline(long pid) {
        try {
            String raw = Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline"), StandardCharsets.UTF_8);
            return Arrays.asList(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }
}
