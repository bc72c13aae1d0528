package ai.vllm.semanticrouter.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the versions the provisioning scripts pin, from test-envtest/provision/versions.env. */
public final class PinnedVersions {
    private static final Path FILE = Path.of("").toAbsolutePath().getFileName().toString().equals("test-envtest")
            ? Path.of("provision/versions.env") : Path.of("test-envtest/provision/versions.env");

    private PinnedVersions() {
    }

    /** The value of {@code key} in the versions.env under {@code repositoryRoot}. */
    public static String of(Path repositoryRoot, String key) {
        return read(repositoryRoot.resolve("test-envtest/provision/versions.env"), key);
    }

    /** The value of {@code key}, with the working folder being test-envtest (failsafe) or the repository root. */
    public static String of(String key) {
        return read(FILE.toAbsolutePath(), key);
    }

    private static String read(Path versions, String key) {
        try {
            return Files.readAllLines(versions).stream().filter(l -> l.startsWith(key + "="))
                    .map(l -> l.substring(l.indexOf('=') + 1).trim()).findFirst()
                    .orElseThrow(() -> new IllegalStateException(versions + ": no " + key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + versions, e);
        }
    }
}
