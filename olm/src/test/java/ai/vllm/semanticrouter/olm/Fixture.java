package ai.vllm.semanticrouter.olm;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The trimmed CRD, compositions and samples under src/test/resources/fixture/semanticrouter. */
final class Fixture {
    private Fixture() {
    }

    static ApiSources sources() {
        try {
            return ApiSources.fromDirectory(Path.of(Fixture.class.getResource("/fixture/semanticrouter").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static GeneratedTree tree() {
        return Generate.tree(sources(), Release.current());
    }
}
