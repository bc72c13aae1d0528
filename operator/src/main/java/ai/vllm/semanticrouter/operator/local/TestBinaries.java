package ai.vllm.semanticrouter.operator.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The kube-apiserver, etcd and kubectl binaries that kube-api-test runs, provisioned exactly as the
 * integration tests do: a version pinned in {@code versions.env}, cached in {@code ~/.kubeapitest}.
 * The system property {@value #VERSION_PROPERTY} chooses it: {@code newest} (the default,
 * {@code K8S_VERSION}), {@code oldest} ({@code K8S_OLDEST_VERSION}, the oldest supported minor) or
 * an explicit {@code 1.<minor>.<patch>}.
 */
public final class TestBinaries {
    public static final String VERSION_PROPERTY = "kubernetes.version";
    private static final String RESOURCE_DIR = "semanticrouter/provision/";
    private static final List<String> BINARIES = List.of("kube-apiserver", "etcd", "kubectl");
    private static final Pattern EXPLICIT_VERSION = Pattern.compile("1\\.\\d+\\.\\d+");

    private final String kubernetesVersion;
    private final Path directory;

    private TestBinaries(String kubernetesVersion, Path directory) {
        this.kubernetesVersion = kubernetesVersion;
        this.directory = directory;
    }

    /** The pinned version that {@value #VERSION_PROPERTY} selects; does not provision anything yet. */
    public static TestBinaries pinned() {
        return of(System.getProperty(VERSION_PROPERTY, "newest"));
    }

    /** {@code newest}, {@code oldest} or {@code 1.<minor>.<patch>}; does not provision anything yet. */
    public static TestBinaries of(String selection) {
        String chosen = selection.trim();
        String version = switch (chosen) {
            case "newest" -> pinnedVersion("K8S_VERSION");
            case "oldest" -> pinnedVersion("K8S_OLDEST_VERSION");
            default -> explicitVersion(chosen);
        };
        String base = System.getenv().getOrDefault("KUBEAPITEST_DIR",
                Path.of(System.getProperty("user.home"), ".kubeapitest").toString());
        return new TestBinaries(version, Path.of(base, "k8s", version + "-linux-amd64"));
    }

    private static String explicitVersion(String version) {
        if (!EXPLICIT_VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("Kubernetes version '" + version + "' (system property " + VERSION_PROPERTY
                    + "): expected newest, oldest or 1.<minor>.<patch>");
        }
        return version;
    }

    private static String pinnedVersion(String key) {
        Properties versions = new Properties();
        try (InputStream in = resource("versions.env")) {
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE_DIR + "versions.env", e);
        }
        String version = versions.getProperty(key, "").trim();
        if (version.isEmpty()) {
            throw new IllegalStateException(RESOURCE_DIR + "versions.env has no " + key);
        }
        return version;
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
            Process process = new ProcessBuilder("bash", scripts.resolve("provision-binaries.sh").toString(),
                    kubernetesVersion).inheritIO().start();
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("provisioning the API server binaries of Kubernetes " + kubernetesVersion
                        + " failed (exit " + exit + "); see the messages above");
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
