package ai.vllm.semanticrouter.operator.local;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which API server version a run chooses: the pinned newest and oldest of versions.env, or an explicit one. */
class TestBinariesTest {

    @Test
    void newestAndOldestAreThePinnedVersionsAndTheOldestIsAnOlderMinor() {
        TestBinaries newest = TestBinaries.of("newest");
        TestBinaries oldest = TestBinaries.of("oldest");
        assertThat(newest.kubernetesVersion()).matches("1\\.\\d+\\.\\d+");
        assertThat(oldest.kubernetesVersion()).matches("1\\.\\d+\\.\\d+");
        assertThat(minor(oldest)).isLessThan(minor(newest));
        assertThat(oldest.directory().getFileName()).hasToString(oldest.kubernetesVersion() + "-linux-amd64");
    }

    @Test
    void withoutTheSystemPropertyARunUsesTheNewest() {
        assertThat(System.getProperty(TestBinaries.VERSION_PROPERTY)).isNull();
        assertThat(TestBinaries.pinned().kubernetesVersion()).isEqualTo(TestBinaries.of("newest").kubernetesVersion());
    }

    @Test
    void anExplicitVersionIsTakenAsItIsAndAnythingElseIsRefusedNamingTheProperty() {
        assertThat(TestBinaries.of(" 1.30.14 ").directory().getFileName()).hasToString("1.30.14-linux-amd64");
        assertThatThrownBy(() -> TestBinaries.of("1.30")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Kubernetes version '1.30' (system property kubernetes.version): expected newest, oldest or 1.<minor>.<patch>");
    }

    private static int minor(TestBinaries binaries) {
        return Integer.parseInt(binaries.kubernetesVersion().split("\\.")[1]);
    }
}
