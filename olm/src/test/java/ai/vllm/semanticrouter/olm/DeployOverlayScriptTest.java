package ai.vllm.semanticrouter.olm;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** olm/scripts/deploy-overlay.sh: `make deploy IMG=...` swaps the image in a throw-away overlay. */
class DeployOverlayScriptTest {
    private static final Path ROOT = Generate.repositoryRoot(Path.of(""));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "quay.io/me/semantic-router-operator:dev | newName: quay.io/me/semantic-router-operator | newTag: \"dev\"",
            "localhost:5000/operator                 | newName: localhost:5000/operator                 | newTag: \"latest\"",
            "localhost:5000/operator:1.2             | newName: localhost:5000/operator                 | newTag: \"1.2\"",
            "registry.io/x/op@sha256:0123abcd         | newName: registry.io/x/op                        | digest: sha256:0123abcd",
    })
    void overlaySwapsTheGeneratedImage(String image, String name, String tagOrDigest, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isRegularFile(ROOT.resolve("olm/generated/config/manager/manager.yaml")), "no olm/generated yet");
        Path overlay = dir.resolve("deploy");
        Process process = new ProcessBuilder("bash", ROOT.resolve("olm/scripts/deploy-overlay.sh").toString(),
                image, overlay.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        String kustomization = Files.readString(overlay.resolve("kustomization.yaml"));
        assertThat(kustomization).contains("- name: " + Release.current().operatorImage().replaceAll(":[^:/]*$", ""),
                name, tagOrDigest);
        String base = kustomization.lines().filter(l -> l.startsWith("  - ") && !l.contains("name:")).findFirst()
                .orElseThrow().substring(4);
        assertThat(overlay.resolve(base).resolve("kustomization.yaml").normalize())
                .isEqualTo(ROOT.resolve("olm/generated/config/default/kustomization.yaml").normalize());
    }
}
