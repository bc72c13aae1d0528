package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DialectChoiceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "tag {0}, override {1} -> {2}")
    @CsvSource({
            "v0.1.0,,flat,true",
            "v0.2.3,,flat,true",
            "0.2,,flat,true",
            "v0.3.0,,v0.3,true",
            "v0.3.1-rc1,,v0.3,true",
            "v0.4.0,,v0.4,true",
            "v0.5.2,,v0.4,true",
            "v1.0.0,,v0.4,true",
            "latest,,v0.4,false",
            "'',,v0.4,false",
            "nightly-20261101,,v0.4,true",
            "sha256:0123abcd,,v0.4,true",
            "latest,v0.3,v0.3,true",
            "v0.2.0,v0.4,v0.4,true",
            "v0.4.0,flat,flat,true",
            "v0.3.0,auto,v0.3,true",
    })
    void followsTheImageTagUnlessOverridden(String tag, String override, String dialect, boolean guaranteed) {
        ObjectNode cr = JSON.createObjectNode();
        ObjectNode spec = cr.putObject("spec");
        spec.putObject("image").put("repository", "ghcr.io/vllm-project/semantic-router/extproc").put("tag", tag);
        if (override != null) {
            spec.put("configDialect", override);
        }
        DialectChoice choice = DialectChoice.of(cr);
        assertThat(choice.dialect().value()).isEqualTo(dialect);
        assertThat(choice.guaranteed()).isEqualTo(guaranteed);
        assertThat(choice.reason()).isNotBlank();
    }
}
