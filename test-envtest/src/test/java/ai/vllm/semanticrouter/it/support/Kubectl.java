package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.local.TestBinaries;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl of the pinned version against a test API server, as the seed's commands do. */
public final class Kubectl {
    private final Path kubeconfig;

    public Kubectl(Path kubeconfig) {
        this.kubeconfig = kubeconfig;
    }

    /** Runs {@code kubectl args...}; returns stdout, fails with stderr on a non-zero exit. */
    public String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add(TestBinaries.pinned().directory().resolve("kubectl").toString());
        command.add("--kubeconfig=" + kubeconfig.toAbsolutePath());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl " + String.join(" ", args) + " failed: " + err + out);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("cannot run kubectl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
