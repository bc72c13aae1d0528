package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus' own code on the operator's metrics and monitoring: the program of validators/prometheus
 * (built by its build.sh) parses a /metrics body as Prometheus' scrape loop does (model/textparse,
 * plus client_golang's expfmt for the text format), loads a PrometheusRule's groups with the rule file
 * loader (model/rulefmt, promql/parser) and parses a Grafana dashboard's panel queries.
 */
public final class PrometheusValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path BINARY = ValidatorProcess.binary("prometheus-validator");

    /** ok when the parsers accepted the input; problems one a line, "file: where: message"; summary the tool's JSON. */
    public record Result(boolean ok, List<String> problems, JsonNode summary) {
        public String describe() {
            return (ok ? "accepted" : "rejected") + " by Prometheus' parsers (github.com/prometheus/prometheus v0.316.0)"
                    + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems));
        }
    }

    /** One family as the scrape parsers read it; values only for counters and gauges. */
    public record Family(String name, String type, List<String> labels, int samples, List<JsonNode> series) {
    }

    private PrometheusValidator() {
    }

    /** A /metrics body with the Content-Type it was served with. */
    public static Result scrape(byte[] body, String contentType) {
        return run(body, "metrics", List.of("scrape", "-content-type", contentType));
    }

    /** A PrometheusRule object (YAML or JSON). */
    public static Result rules(String prometheusRule) {
        return run(prometheusRule.getBytes(StandardCharsets.UTF_8), "prometheusrule.yaml", List.of("rules"));
    }

    /** A Grafana dashboard JSON. */
    public static Result queries(String dashboard) {
        return run(dashboard.getBytes(StandardCharsets.UTF_8), "dashboard.json", List.of("queries"));
    }

    /** The families of a scrape result, by name. */
    public static Map<String, Family> families(Result scrape) {
        Map<String, Family> families = new TreeMap<>();
        for (JsonNode f : scrape.summary().path("families")) {
            List<String> labels = new ArrayList<>();
            f.path("labels").forEach(l -> labels.add(l.asText()));
            List<JsonNode> series = new ArrayList<>();
            f.path("series").forEach(series::add);
            families.put(f.path("name").asText(),
                    new Family(f.path("name").asText(), f.path("type").asText(), labels, f.path("samples").asInt(), series));
        }
        return families;
    }

    private static Result run(byte[] input, String name, List<String> command) {
        if (!Files.isExecutable(BINARY)) {
            return new Result(false, List.of("the Prometheus validator " + BINARY + " is not built: run "
                    + "test-envtest/validators/prometheus/build.sh (mvn verify runs it before the integration tests)"),
                    JSON.createObjectNode());
        }
        Path file = null;
        try {
            file = Files.createTempFile("prometheus-validator-", "-" + name);
            Files.write(file, input);
            List<String> args = new ArrayList<>();
            args.add(BINARY.toString());
            args.addAll(command);
            args.add(file.toString());
            ValidatorProcess run = ValidatorProcess.run(args, null, Map.of());
            List<String> problems = new ArrayList<>();
            for (String line : ValidatorProcess.lines(run.stderr())) {
                problems.add(line.replace(file.toString(), name));
            }
            if (run.exitCode() != 0 && problems.isEmpty()) {
                problems.add("the Prometheus validator failed (exit code " + run.exitCode() + ")");
            }
            JsonNode summary;
            try {
                summary = run.stdout().isBlank() ? JSON.createObjectNode() : JSON.readTree(run.stdout());
            } catch (IOException e) {
                problems.add("the Prometheus validator printed no JSON summary: " + run.stdout());
                summary = JSON.createObjectNode();
            }
            return new Result(run.exitCode() == 0 && problems.isEmpty(), List.copyOf(problems), summary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the input of the Prometheus validator", e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }
}
