package ai.vllm.semanticrouter.operator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RenderCommandTest {
    private static final String CR = """
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata: {name: demo, namespace: team}
            spec:
              persistence: {enabled: true, storageClassName: standard, size: 2Gi}
              openshift: {routes: {enabled: true}}
              vllmEndpoints:
                - {name: e1, model: m1, backend: {type: kserve, inferenceServiceName: isvc}}
                - {name: e2, model: m2, backend: {type: llamastack, discoveryLabels: {app: stack}}}
            """;
    private static final String CLUSTER = """
            apiVersion: serving.kserve.io/v1beta1
            kind: InferenceService
            metadata: {name: isvc, namespace: team}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: stack-b, namespace: team, labels: {app: stack}}
            spec: {ports: [{port: 8321}]}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: stack-a, namespace: team, labels: {app: stack}}
            spec: {ports: [{port: 8000}]}
            ---
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata: {name: standard}
            """;

    @TempDir
    Path dir;

    @Test
    void rendersTheManagedObjectsDeterministically() throws IOException {
        Result first = run("render", "-f", write("cr.yaml", CR), "--cluster", write("cluster.yaml", CLUSTER));
        assertThat(first.code()).as(first.err()).isZero();
        List<ObjectNode> objects = YamlDocuments.parse(first.out());
        assertThat(objects).extracting(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText())
                .contains("Deployment/demo", "Service/demo", "ConfigMap/demo-config", "PersistentVolumeClaim/demo-models")
                .doesNotContain("Route/demo");
        JsonNode config = find(objects, "ConfigMap", "demo-config");
        assertThat(config.path("data").toString())
                .contains("isvc-predictor.team.svc.cluster.local").contains("stack-a.team.svc.cluster.local");
        assertThat(find(objects, "Deployment", "demo").at("/metadata/namespace").asText()).isEqualTo("team");

        Result second = run("render", "-f", write("cr.yaml", CR), "--cluster", write("cluster.yaml", CLUSTER));
        assertThat(second.out()).isEqualTo(first.out());
    }

    @Test
    void openshiftAddsTheRouteAndAMissingStorageClassDropsThePvc() throws IOException {
        Result result = run("render", "-f", write("cr.yaml", CR), "--platform", "openshift", "--explain");
        assertThat(result.code()).as(result.err()).isZero();
        List<ObjectNode> objects = YamlDocuments.parse(result.out());
        assertThat(objects).extracting(o -> o.path("kind").asText() + "/" + o.at("/metadata/name").asText())
                .contains("Route/demo").doesNotContain("PersistentVolumeClaim/demo-models");
        assertThat(result.out()).startsWith("# environment: {\"platform\":\"openshift\"").contains("# resource ");
    }

    @Test
    void explainNamesTheCrFieldBehindEverySignalDecisionAndPlugin() throws IOException {
        String cr = CR.replace("  vllmEndpoints:", "  config:\n"
                + "    prompt_guard: {enabled: true, threshold: \"0.75\"}\n"
                + "    response_cache: {enabled: true}\n"
                + "    tools: {enabled: true}\n"
                + "    overlay: {global: {router: {streamed_body: {enabled: true}}}}\n"
                + "  vllmEndpoints:");
        Result result = run("render", "-f", write("cr.yaml", cr), "--cluster", write("cluster.yaml", CLUSTER), "--explain");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).contains(
                "#   acts on requests: prompt guard - jailbreak signal prompt_guard (threshold 0.75) blocks with decision "
                        + "block-jailbreak, which outranks every other decision",
                "#   config.yaml routing.signals.jailbreak[prompt_guard] <- spec.config.prompt_guard (threshold, enabled)",
                "#   config.yaml routing.decisions[block-jailbreak] <- spec.config.prompt_guard (block_message)",
                "#   config.yaml routing.decisions[default-route] <- spec.vllmEndpoints (the default model, first by name)",
                "#   config.yaml routing.decisions[default-route].plugins[response_cache] <- spec.config.response_cache",
                "#   config.yaml routing.decisions[default-route].plugins[tools] <- spec.config.tools",
                "#   config.yaml global.router.streamed_body <- spec.config.overlay.global.router.streamed_body");
    }

    @Test
    void anInvalidCrFailsNamingTheFieldPath() throws IOException {
        Result result = run("render", "-f", write("bad.yaml", """
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: demo}
                spec:
                  vllmEndpoints: [{name: e1, model: m1, backend: {type: carrier-pigeon}}]
                """));
        assertThat(result.code()).isNotZero();
        assertThat(result.err()).contains("spec.vllmEndpoints[0].backend.type");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"run", "render", "validate"}) {
            Result result = run(command, "--help");
            assertThat(result.code()).isZero();
            assertThat(result.out()).contains("Usage:");
        }
        assertThat(run("--help").out).contains("run").contains("render").contains("validate");
    }

    private JsonNode find(List<ObjectNode> objects, String kind, String name) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow();
    }

    private String write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text).toString();
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    record Result(int code, String out, String err) {
    }
}
