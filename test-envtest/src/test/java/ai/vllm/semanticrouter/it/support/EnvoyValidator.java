package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Judges an Envoy bootstrap (the sidecar's envoy.yaml) with Envoy's own API: the go-control-plane
 * program of validators/envoy, built by its build.sh into ~/.cache/semantic-router-operator/bin.
 */
public final class EnvoyValidator {
    private static final EnvoyValidator SHARED = new EnvoyValidator(binary());
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path binary;

    /** ok when Envoy's API accepted the bootstrap; problems one per line, "envoy.yaml: path: message". */
    public record Result(boolean ok, List<String> problems, List<String> warnings, List<Integer> listenerPorts,
                         List<String> clusters) {
        public String describe() {
            return "envoy.yaml " + (ok ? "accepted" : "rejected") + " by Envoy's API (go-control-plane v1.35)"
                    + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems));
        }
    }

    EnvoyValidator(Path binary) {
        this.binary = binary;
    }

    public static EnvoyValidator at(Path binary) {
        return new EnvoyValidator(binary);
    }

    /** The binary build.sh makes (SEMANTIC_ROUTER_OPERATOR_BIN, else ~/.cache/semantic-router-operator/bin). */
    public static EnvoyValidator shared() {
        return SHARED;
    }

    public Result validate(String envoyYaml) {
        if (!Files.isExecutable(binary)) {
            return failed("the Envoy bootstrap validator " + binary + " is not built: run "
                    + "test-envtest/validators/envoy/build.sh (mvn verify runs it before the integration tests)");
        }
        ValidatorProcess run = ValidatorProcess.run(List.of(binary.toString(), "-name", "envoy.yaml", "-"),
                envoyYaml, Map.of());
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (String line : ValidatorProcess.lines(run.stderr())) {
            (line.startsWith("warning: ") ? warnings : problems).add(line);
        }
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            problems.add("the Envoy bootstrap validator failed (exit code " + run.exitCode() + ")");
        }
        JsonNode summary = summary(run.stdout(), problems);
        return new Result(run.exitCode() == 0 && problems.isEmpty(), List.copyOf(problems), List.copyOf(warnings),
                StreamSupport.stream(summary.path("listenerPorts").spliterator(), false).map(JsonNode::asInt).toList(),
                StreamSupport.stream(summary.path("clusters").spliterator(), false).map(JsonNode::asText).toList());
    }

    private static JsonNode summary(String stdout, List<String> problems) {
        String last = ValidatorProcess.lines(stdout).stream().reduce((a, b) -> b).orElse("");
        try {
            return last.isEmpty() ? JSON.createObjectNode() : JSON.readTree(last);
        } catch (IOException e) {
            problems.add("the Envoy bootstrap validator printed no JSON summary: " + last);
            return JSON.createObjectNode();
        }
    }

    private static Result failed(String problem) {
        return new Result(false, List.of(problem), List.of(), List.of(), List.of());
    }

    private static Path binary() {
        return ValidatorProcess.binary("envoy-bootstrap-validator");
    }
}
