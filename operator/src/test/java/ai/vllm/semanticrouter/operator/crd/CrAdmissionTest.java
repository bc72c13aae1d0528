package ai.vllm.semanticrouter.operator.crd;

import ai.vllm.semanticrouter.operator.cli.Main;
import ai.vllm.semanticrouter.operator.functions.Objects;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The CR as kube-apiserver would admit it: nulls, identity, numbers where the seed writes numbers. */
class CrAdmissionTest {
    private static final CrAdmission ADMISSION = CrAdmission.fromClasspath();

    @TempDir
    Path dir;

    @Test
    void aFieldWrittenWithNoValueIsDroppedOrDefaultedNotReportedAsUnknown() {
        CrAdmission.Admitted admitted = admit("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo}
                spec:
                  replicas:
                  serviceAccount:
                    annotations:
                  config:
                    tools:
                      enabled:
                      top_k:
                """);
        assertThat(admitted.violations()).isEmpty();
        assertThat(admitted.droppedFields()).isEmpty();
        assertThat(admitted.cr().at("/spec/serviceAccount").toString()).isEqualTo("{\"create\":true}");
        assertThat(admitted.cr().at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(admitted.cr().at("/spec/config/tools/enabled").asBoolean()).isTrue();
        assertThat(admitted.cr().at("/spec/config/tools/top_k").asInt()).isEqualTo(3);
    }

    @Test
    void anUnknownFieldIsStillReported() {
        CrAdmission.Admitted admitted = admit("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo}
                spec:
                  replica: 2
                """);
        assertThat(admitted.droppedFields()).containsExactly("spec.replica");
    }

    @Test
    void numericThresholdsAreAcceptedAndStayNumbers() {
        CrAdmission.Admitted admitted = admit("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo}
                spec:
                  config:
                    semantic_cache: {similarity_threshold: 0.8}
                    prompt_guard: {threshold: "0.7", on_error: block}
                """);
        assertThat(admitted.violations()).isEmpty();
        assertThat(admitted.cr().at("/spec/config/semantic_cache/similarity_threshold").isNumber()).isTrue();
        assertThat(admitted.cr().at("/spec/config/prompt_guard/threshold").isTextual()).isTrue();
        assertThat(admitted.cr().at("/spec/config/prompt_guard/on_error").asText()).isEqualTo("block");
    }

    @Test
    void anotherVersionKindOrNoNameIsRefused() {
        assertThat(admit("""
                apiVersion: vllm.ai/v1
                kind: SemanticRouter
                metadata: {name: demo}
                """).violations()).extracting(v -> v.format())
                .containsExactly("apiVersion: must be vllm.ai/v1alpha1 (the version the CRD serves), not \"vllm.ai/v1\"");
        assertThat(admit("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {namespace: team}
                """).violations()).extracting(v -> v.fieldPath()).containsExactly("metadata.name");
    }

    @Test
    void renderAcceptsAnEmptyAnnotationsFieldAsTheApiServerDoes() throws IOException {
        Path cr = Files.writeString(dir.resolve("cr.yaml"), """
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo, namespace: team}
                spec:
                  serviceAccount:
                    annotations:
                  vllmEndpoints:
                    - {name: e1, model: m1, backend: {type: service, service: {name: vllm, port: 8000}}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: vllm, namespace: team}
                spec: {ports: [{port: 8000}]}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute("render", "-f", cr.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).doesNotContain("must not be null").doesNotContain("annotations");
        assertThat(out.toString()).contains("kind: ServiceAccount");
    }

    @Test
    void renderNamesAWrongApiVersionInOneLine() throws IOException {
        Path cr = Files.writeString(dir.resolve("cr.yaml"), """
                apiVersion: vllm.ai/v1beta1
                kind: SemanticRouter
                metadata: {name: demo}
                """);
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute("render", "-f", cr.toString())).isEqualTo(1);
        assertThat(err.toString().lines().toList()).containsExactly(
                "error: " + cr + ": apiVersion: must be vllm.ai/v1alpha1 (the version the CRD serves), not \"vllm.ai/v1beta1\"");
    }

    private static CrAdmission.Admitted admit(String yaml) {
        ObjectNode cr = Objects.yaml(yaml);
        return ADMISSION.admit(cr);
    }
}
