package ai.vllm.semanticrouter.olm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the operator-framework validators (olm/validator, the same checks as
 * {@code operator-sdk bundle validate --select-optional suite=operatorframework}) on the bundle,
 * and operator-registry's file-based catalog validation (as {@code opm validate}) on the catalog.
 * Skipped when {@code go} is not on PATH; fails when the validator cannot be built.
 */
class BundleValidatorTest {
    private static final Path ROOT = Generate.repositoryRoot(Path.of(""));
    private static Path validator;

    @BeforeAll
    static void buildValidator() throws Exception {
        assumeTrue(onPath("go"), "`go` is not on PATH: the OLM bundle validator is not run");
        Result build = run(List.of("bash", ROOT.resolve("olm/validator/build.sh").toString()), 900);
        if (build.exitCode() != 0) {
            fail("could not build the OLM bundle validator with olm/validator/build.sh (needs the Go module proxy"
                    + " or a warm module cache):%n%s", build.output());
        }
        List<String> lines = build.output().strip().lines().toList();
        validator = Path.of(lines.get(lines.size() - 1));
    }

    @Test
    void bundleGeneratedFromTheFixturePassesTheValidators(@TempDir Path out) throws Exception {
        Fixture.tree().writeTo(out);
        assertValid(out.resolve("bundle"));
    }

    @Test
    void checkedInBundlePassesTheValidators() throws Exception {
        Path bundle = ROOT.resolve(Generate.OUTPUT).resolve("bundle");
        assumeTrue(Files.isDirectory(bundle.resolve("manifests")), "no checked-in bundle yet (olm/generated/bundle)");
        assertValid(bundle);
    }

    @Test
    void catalogGeneratedFromTheFixturePassesOpmValidation(@TempDir Path out) throws Exception {
        Fixture.tree().writeTo(out);
        assertValidCatalog(out.resolve("catalog/semantic-router-operator"));
    }

    @Test
    void checkedInCatalogPassesOpmValidation() throws Exception {
        Path catalog = ROOT.resolve(Generate.OUTPUT).resolve("catalog/semantic-router-operator");
        assumeTrue(Files.isDirectory(catalog), "no checked-in catalog yet (olm/generated/catalog)");
        assertValidCatalog(catalog);
    }

    private static void assertValidCatalog(Path catalog) throws Exception {
        Result result = run(List.of(validator.toString(), "-catalog", catalog.toString()), 120);
        System.out.println("[olm-bundle-validator -catalog] " + catalog + "\n" + result.output());
        assertThat(result.exitCode()).as("validator output:%n%s", result.output()).isZero();
        assertThat(result.output()).contains("1 packages, 1 bundles, 0 errors");
    }

    private static void assertValid(Path bundle) throws Exception {
        Result result = run(List.of(validator.toString(), "-k8s-version", "1.34", bundle.toString()), 120);
        System.out.println("[olm-bundle-validator] " + bundle + "\n" + result.output());
        assertThat(result.exitCode()).as("validator output:%n%s", result.output()).isZero();
        assertThat(result.output()).contains(" 0 errors");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, long timeoutSeconds) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("timed out: " + command);
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && List.of(path.split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
