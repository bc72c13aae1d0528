package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.operator.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's main job, end to end: `local --once` starts everything, reconciles the sample and exits. */
class LocalCommandIT {

    @Test
    void localOnceReconcilesTheSimpleSample(@TempDir Path dir) {
        Path kubeconfig = dir.resolve("kubeconfig.yaml");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int exit;
        try (PrintStream tee = new PrintStream(new TeeStream(original, captured), true, StandardCharsets.UTF_8)) {
            System.setOut(tee);
            exit = Main.commandLine().execute("local", "--once", "--kubeconfig-out", kubeconfig.toString());
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(exit).isZero();
        assertThat(Files.exists(kubeconfig)).isTrue();
        assertThat(output).contains("kubeconfig: " + kubeconfig)
                .contains("deployment/semantic-router-simple", "service/semantic-router-simple",
                        "configmap/semantic-router-simple-config")
                .containsPattern("NAME\\s+PHASE\\s+REPLICAS\\s+READY\\s+AGE")
                .containsPattern("semantic-router-simple\\s+Running\\s+1\\s+1")
                .contains("Router pod (Deployment semantic-router-simple):")
                .containsPattern("init model-download\\s+ghcr.io/vllm-project/semantic-router/extproc:v0.4.0")
                .containsPattern("semantic-router\\s+startup tcp:50051 every 10s, 360 failures \\| readiness tcp:50051 every 10s,"
                        + " 3 failures \\| liveness tcp:50051 every 30s, 5 failures, mounts /app/config/config.yaml");
    }

    /** Writes to two streams: the console (progress stays visible) and a buffer the test reads. */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream first;
        private final java.io.OutputStream second;

        TeeStream(java.io.OutputStream first, java.io.OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
