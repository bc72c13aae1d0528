package ai.vllm.semanticrouter.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs one external validator program to its end and collects its exit code and output. */
record ValidatorProcess(int exitCode, String stdout, String stderr) {
    static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** The cache folder shared with the provisioning scripts (SEMANTIC_ROUTER_OPERATOR_CACHE). */
    static Path cacheDir() {
        String override = System.getenv("SEMANTIC_ROUTER_OPERATOR_CACHE");
        return override != null && !override.isBlank() ? Path.of(override)
                : Path.of(System.getProperty("user.home"), ".cache", "semantic-router-operator");
    }

    /** A validator binary a build.sh made: in SEMANTIC_ROUTER_OPERATOR_BIN, else ~/.cache/semantic-router-operator/bin. */
    static Path binary(String name) {
        String override = System.getenv("SEMANTIC_ROUTER_OPERATOR_BIN");
        Path bin = override != null && !override.isBlank() ? Path.of(override) : cacheDir().resolve("bin");
        return bin.resolve(name);
    }

    /** Environment for the vllm-sr CLI: plain text, UTF-8, no colour codes in what tests print. */
    static Map<String, String> quietPython() {
        return Map.of("NO_COLOR", "1", "PYTHONIOENCODING", "utf-8", "PYTHONDONTWRITEBYTECODE", "1");
    }

    static ValidatorProcess run(List<String> command, String stdin, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new ValidatorProcess(-1, out.getNow(""), command.get(0) + " did not finish within " + TIMEOUT);
            }
            return new ValidatorProcess(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }

    static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
    }

    /** Non-blank lines, trimmed at the end. */
    static List<String> lines(String text) {
        return text.lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
    }
}
