package ai.vllm.semanticrouter.operator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Input that is not YAML, or not Kubernetes objects, is one line naming file, line and column. */
class YamlDocumentsTest {
    private static final String TAB = "\t";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a tab in the indentation | apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n\\tname: x\\n | 4:1: | found character '\\t(TAB)' that cannot start any token
            a broken mapping         | apiVersion: v1\\nkind: ConfigMap\\nmetadata: name: x\\n     | 3:15: | mapping values are not allowed here
            an unclosed flow mapping | apiVersion: v1\\nkind: ConfigMap\\nmetadata: {name: x\\n    | 4:1: | expected ',' or '}'
            plain text               | this is not a router\\n                                   | 1:1: | not a Kubernetes object: the document is a string ("this is not a router")
            a list                   | - apiVersion: v1\\n  kind: ConfigMap\\n                        | 1:1: | not a Kubernetes object: the document is a list
            no kind                  | apiVersion: v1\\nmetadata: {name: x}\\n                     | 1:1: | not a Kubernetes object: kind is missing
            a number as kind         | apiVersion: v1\\nkind: 3\\n                                 | 1:1: | not a Kubernetes object: kind must be a non-empty string
            metadata not a mapping   | apiVersion: v1\\nkind: ConfigMap\\nmetadata: x\\n            | 1:1: | metadata must be a mapping, not a string ("x")
            the second document      | apiVersion: v1\\nkind: ConfigMap\\n---\\n[1, 2]\\n          | 4:1: | the document is a list
            """)
    void problemsAreOneLineWithFileLineAndColumn(String name, String text, String position, String problem) throws IOException {
        Path file = Files.writeString(dir.resolve("in.yaml"), text.replace("\\n", "\n").replace("\\t", TAB));
        YamlDocuments.InputError error = catchThrowableOfType(YamlDocuments.InputError.class, () -> YamlDocuments.read(file));
        assertThat(error).as(name).isNotNull();
        assertThat(error.getMessage()).startsWith(file + ":" + position + " ").contains(problem).doesNotContain("\n");
    }

    @Test
    void emptyDocumentsAreSkippedAndListsExpanded() {
        List<ObjectNode> objects = YamlDocuments.parse("""
                ---
                apiVersion: v1
                kind: List
                items:
                  - {apiVersion: v1, kind: Service, metadata: {name: a}}
                  - {apiVersion: v1, kind: Service, metadata: {name: b}}
                ---
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                """, "in.yaml");
        assertThat(objects).extracting(o -> o.at("/metadata/name").asText()).containsExactly("a", "b", "c");
    }

    @Test
    void aMissingFileIsOneLine() {
        Path missing = dir.resolve("missing.yaml");
        YamlDocuments.InputError error = catchThrowableOfType(YamlDocuments.InputError.class, () -> YamlDocuments.read(missing));
        assertThat(error.getMessage()).isEqualTo(missing + ": no such file");
    }

    @Test
    void renderPrintsTheProblemAsOneLineAndExitsOne() throws IOException {
        Path file = Files.writeString(dir.resolve("cr.yaml"), """
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata:
                  name: demo
                spec:
                %sreplicas: 2
                """.formatted(TAB));
        for (String option : List.of("-f", "--cluster")) {
            String[] args = option.equals("-f") ? new String[] {"render", "-f", file.toString()}
                    : new String[] {"render", "-f", Files.writeString(dir.resolve("ok.yaml"), """
                            apiVersion: vllm.ai/v1alpha1
                            kind: SemanticRouter
                            metadata: {name: demo}
                            """).toString(), "--cluster", file.toString()};
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine commandLine = Main.commandLine();
            commandLine.setOut(new PrintWriter(out, true));
            commandLine.setErr(new PrintWriter(err, true));
            int code = commandLine.execute(args);
            assertThat(code).as(option).isEqualTo(1);
            assertThat(err.toString().lines().toList()).as(option).containsExactly(
                    file + ":6:1: while scanning for the next token: found character '\\t(TAB)' that cannot start any token. "
                            + "(Do not use \\t(TAB) for indentation)");
            assertThat(out.toString()).as(option).isEmpty();
        }
    }
}
