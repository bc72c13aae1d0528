package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import ai.vllm.semanticrouter.engine.schema.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples and seed examples are valid against the CRD; every invalid case is not (engine.schema). */
class CrdSchemaTest {
    private static final CrdSchema SCHEMA = CrdSchema.fromCrd(Resources.crd(), "v1alpha1");

    static Stream<String> samples() {
        return Resources.SAMPLES.stream();
    }

    @ParameterizedTest(name = "sample {0} is valid")
    @MethodSource("samples")
    void sampleIsValid(String sample) {
        List<SchemaViolation> violations = SCHEMA.validate(SCHEMA.applyDefaults(Resources.sample(sample)));
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "sample {0} defaults like the API server")
    @MethodSource("samples")
    void defaultsMatchWhatTheApiServerStored(String sample) {
        // golden/<sample>-kubernetes/cr.yaml was read back from kube-apiserver 1.34 after creating the sample
        JsonNode stored = Resources.yamlFile(Resources.TEST_RESOURCES.resolve("golden/" + sample + "-kubernetes/cr.yaml"));
        JsonNode defaulted = SCHEMA.applyDefaults(Resources.sample(sample));
        assertThat(Resources.yaml(Resources.toYaml(defaulted.get("spec"))))
                .isEqualTo(Resources.yaml(Resources.toYaml(stored.get("spec"))));
    }

    static Stream<Path> seedExamples() throws IOException {
        try (Stream<Path> files = Files.list(Resources.TEST_RESOURCES.resolve("seed-examples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "seed example {0} is valid")
    @MethodSource("seedExamples")
    void seedExampleIsValid(Path file) {
        JsonNode cr = Resources.yamlFile(file);
        assertThat(SCHEMA.validate(SCHEMA.applyDefaults(cr))).isEmpty();
    }

    static Stream<Path> invalidCases() throws IOException {
        return ResourceFilesTest.invalidCases();
    }

    @ParameterizedTest(name = "invalid case {0} is rejected")
    @MethodSource("invalidCases")
    void invalidCaseIsRejected(Path file) throws IOException {
        String text = Files.readString(file);
        String field = text.lines().findFirst().orElseThrow().substring("# expect:".length()).split("\\|", 2)[0].trim();
        List<SchemaViolation> violations = SCHEMA.validate(SCHEMA.applyDefaults(Resources.yaml(text)));
        assertThat(violations).as(file.getFileName().toString()).isNotEmpty();
        String lastSegment = field.replaceAll(".*\\.", "").replaceAll("\\[.*", "");
        assertThat(violations).as(file.getFileName().toString())
                .anySatisfy(v -> assertThat(v.fieldPath() + " " + v.message()).contains(lastSegment));
    }
}
