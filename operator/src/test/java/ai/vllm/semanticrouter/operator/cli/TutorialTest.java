package ai.vllm.semanticrouter.operator.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/writing-a-composition.md cannot rot: the page shows its files verbatim, and its validate and
 * render steps give what the page says. (ExtensionsIT runs the same files on a real API server.)
 */
class TutorialTest {
    private static final Path ROOT = Path.of("..");
    private static final Path PAGE = ROOT.resolve("docs/writing-a-composition.md");
    private static final Pattern SHOWN_FILE = Pattern.compile("<!-- file: (\\S+) -->\\n```yaml\\n(.*?)```", Pattern.DOTALL);

    @Test
    void thePageShowsEveryTutorialFileVerbatim() throws IOException {
        Matcher shown = SHOWN_FILE.matcher(Files.readString(PAGE));
        int files = 0;
        while (shown.find()) {
            assertThat(shown.group(2)).as(shown.group(1)).isEqualTo(Files.readString(ROOT.resolve(shown.group(1))));
            files++;
        }
        assertThat(files).isEqualTo(3);
    }

    @Test
    void theExtensionValidates() {
        RenderCommandTest.Result result = RenderCommandTest.run("validate", "../docs/tutorial/extension/grafana-dashboard.yaml");
        assertThat(result.code()).as(result.out() + result.err()).isZero();
    }

    @Test
    void theBrokenFileReportsEveryMistakeWithItsPosition() {
        RenderCommandTest.Result result = RenderCommandTest.run("validate", "../docs/tutorial/broken/broken-dashboard.yaml");
        assertThat(result.code()).isEqualTo(1);
        assertThat(result.out()).contains("broken-dashboard.yaml:12:18: condition does not compile")
                .contains("broken-dashboard.yaml:17:17: unknown patch type 'FromCompositeFieldPathh'")
                .contains("broken-dashboard.yaml:21:24: invalid field path 'metadata.labels[app.kubernetes.io/instance'")
                .contains("broken-dashboard.yaml:22:26: fromFieldPath 'spec.serviceAcount.name': SemanticRouter has no field "
                        + "spec.serviceAcount; did you mean spec.serviceAccount.name?");
    }

    @Test
    void renderWithTheExtensionShowsTheDashboard() {
        RenderCommandTest.Result result = RenderCommandTest.run("render", "-f", "../docs/tutorial/my-router.yaml",
                "--compositions-dir", "../docs/tutorial/extension");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains("name: my-router-grafana-dashboard")
                .contains("Semantic Router default/my-router").containsPattern("refresh.{0,12}1m")
                .as("the file's Service is the backend").contains("vllm-qwen.default.svc.cluster.local");
    }
}
