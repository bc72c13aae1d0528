package ai.vllm.semanticrouter.it.bench;

import ai.vllm.semanticrouter.operator.local.TestBinaries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A kube-api-test folder whose kube-apiserver gets a /16 Service range. kube-api-test appends its own
 * {@code --service-cluster-ip-range 10.0.0.0/24} after the caller's flags, so the last one wins and
 * only ~250 Services fit: too few for 500 routers. The folder links etcd and kubectl and wraps
 * kube-apiserver in a script that widens the range; the cached binaries stay untouched.
 */
final class WideServiceRange {
    private WideServiceRange() {
    }

    /** A kube-api-test directory (for {@code withTestDir}) serving the pinned version with a /16 range. */
    static Path testDir() {
        TestBinaries binaries = TestBinaries.pinned().provision();
        try {
            Path root = Files.createTempDirectory("kubeapitest-wide");
            Path dir = Files.createDirectories(root.resolve("k8s").resolve(binaries.directory().getFileName()));
            Files.createSymbolicLink(dir.resolve("etcd"), binaries.directory().resolve("etcd"));
            Files.createSymbolicLink(dir.resolve("kubectl"), binaries.directory().resolve("kubectl"));
            Path wrapper = dir.resolve("kube-apiserver");
            Files.writeString(wrapper, "#!/usr/bin/env bash\nargs=()\nfor a in \"$@\"; do\n"
                    + "  if [ \"$a\" = 10.0.0.0/24 ]; then a=10.0.0.0/16; fi\n  args+=(\"$a\")\ndone\n"
                    + "exec " + binaries.directory().resolve("kube-apiserver") + " \"${args[@]}\"\n");
            Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the wide-range API server folder", e);
        }
    }
}
