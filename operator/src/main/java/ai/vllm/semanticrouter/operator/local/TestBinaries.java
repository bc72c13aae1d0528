package ai.vllm.semanticrouter.operator.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The kube-apiserver, etcd and kubectl binaries that kube-api-test runs, provisioned exactly as the
 * integration tests do: the version pinned in {@code versions.env}, cached in {@code ~/.kubeapitest}.
 */
public final class TestBinaries {
    private static final String RESOURCE_DIR = "semanticrouter/provision/";
    private static final List<String> BINARIES = List.of("kube-apiserver", "etcd", "kubectl");

    private final String kubernetesVersion;
    private final Path directory;

    private TestBinaries(String kubernetesVersion, Path directory) {
        this.kubernetesVersion = kubernetesVersion;
        this.directory = directory;
    }

    /** Reads the pinned version; does not provision anything yet. */
    public static TestBinaries pinned() {
        Properties versions = new Properties();
        try (InputStream in = resource("versions.env")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + "versions.env", e);
        }
        String version = versions.getProperty("K8S_VERSION").trim();
        String base = System.getenv().getOrDefault("KUBEAPITEST_DIR",
                Path.of(System.getProperty("user.home"), ".kubeapitest").toString());
        return new TestBinaries(version, Path.of(base, "k8s", version + "-linux-amd64"));
    }

    public String kubernetesVersion() {
        return kubernetesVersion;
    }

    public Path directory() {
        return directory;
    }

    public boolean present() {
        return BINARIES.stream().allMatch(b -> Files.isExecutable(directory.resolve(b)));
    }

    /**
     * Makes the binaries exist: a no-op when they are cached, otherwise runs the provisioning
     * script (which may build them from Go modules, printing progress to this process's output).
     */
    public TestBinaries provision() {
        if (present()) {
            return this;
        }
        try {
            Path scripts = Files.createTempDirectory("semantic-router-provision");
            for (String name : List.of("versions.env", "provision-binaries.sh")) {
                try (InputStream in = resource(name)) {
                    Files.copy(in, scripts.resolve(name));
                }
            }
            Process process = new ProcessBuilder("bash", scripts.resolve("provision-binaries.sh").toString())
                    .inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("provisioning the API server binaries failed (exit " + exit
                        + "); see the messages above");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the provisioning script", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning the API server binaries", e);
        }
        return this;
    }

    private static InputStream resource(String name) {
        InputStream in = TestBinaries.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE_DIR + name);
        }
        return in;
    }
}
