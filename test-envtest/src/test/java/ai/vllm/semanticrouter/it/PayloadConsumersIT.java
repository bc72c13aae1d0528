package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.OfflineRender;
import ai.vllm.semanticrouter.it.support.PublishedEntries;
import ai.vllm.semanticrouter.it.support.RealEnvoy;
import ai.vllm.semanticrouter.it.support.RouterConfigDialect;
import ai.vllm.semanticrouter.it.support.RouterPayloads;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every sample, golden and seed-example CR, rendered offline for Kubernetes and OpenShift: the
 * router config.yaml must pass the router project's own validator for its dialect, the Envoy
 * bootstrap Envoy's own API and the real Envoy, Envoy must listen on the port the Service sends it,
 * and in standalone mode the Route and every Ingress path must lead to that port. No API server.
 */
class PayloadConsumersIT {
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> CR_FILES = List.of(
            "compositions/src/main/resources/semanticrouter/samples/*.yaml",
            "compositions/src/test/resources/golden/*/cr.yaml",
            "compositions/src/test/resources/seed-examples/*.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<RouterConfigDialect, Integer> CONFIGS = new EnumMap<>(RouterConfigDialect.class);
    private static final List<String> REJECTED = new ArrayList<>();
    private static int bootstraps;
    private static int entries;

    @TempDir
    Path dir;

    /** One CR of a file, rendered for one platform. */
    record PayloadCase(String label, ObjectNode cr, String platform) {
        @Override
        public String toString() {
            return label + " on " + platform;
        }
    }

    static Stream<PayloadCase> cases() throws IOException {
        List<PayloadCase> cases = new ArrayList<>();
        for (Path file : crFiles()) {
            List<ObjectNode> routers = routersIn(file);
            for (ObjectNode cr : routers) {
                String label = REPOSITORY.resolve("compositions/src").relativize(file).toString()
                        .replaceFirst("^(main|test)/resources/(semanticrouter/)?", "")
                        + (routers.size() > 1 ? " (" + cr.path("metadata").path("name").asText() + ")" : "");
                for (String platform : List.of("kubernetes", "openshift")) {
                    cases.add(new PayloadCase(label, cr, platform));
                }
            }
        }
        assertThat(cases).as("CR files under " + REPOSITORY + "/" + CR_FILES).isNotEmpty();
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void renderedPayloadsPassTheirConsumers(PayloadCase c) throws IOException {
        List<JsonNode> rendered = OfflineRender.render(c.cr(), c.platform(), dir);
        RouterPayloads.Checked checked = payloads(c, rendered).check();
        count(checked, c);
        assertThat(checked.problems()).as("payloads of " + c + " rejected by their consumers").isEmpty();
        if (checked.envoy() != null) {
            List<PublishedEntries.Entry> entries = PublishedEntries.of(rendered, c.cr().path("metadata").path("name").asText(),
                    checked.envoy().listenerPorts());
            countEntries(entries);
            assertThat(entries).as("published entries of " + c + ": " + entries).allMatch(PublishedEntries.Entry::reachesEnvoy);
            assertThat(PublishedEntries.envoyCallsTheRouter(checked.payloads().envoyYaml())).as("Envoy of " + c + " calls the router")
                    .isEmpty();
        }
    }

    @AfterAll
    static void summary() {
        int configs = CONFIGS.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("payload consumers: %d router configs validated (flat %d, v0.3 %d, v0.4 %d), "
                        + "%d envoy bootstraps validated (Envoy's API and envoy " + RealEnvoy.VERSION + " --mode validate), "
                        + "%d published entries (Route, Ingress paths) lead to Envoy%s%n", configs, CONFIGS.getOrDefault(RouterConfigDialect.FLAT, 0),
                CONFIGS.getOrDefault(RouterConfigDialect.V0_3, 0), CONFIGS.getOrDefault(RouterConfigDialect.V0_4, 0),
                bootstraps, entries, REJECTED.isEmpty() ? "" : "; rejected: " + String.join(", ", REJECTED));
    }

    private static RouterPayloads payloads(PayloadCase c, List<JsonNode> rendered) {
        String name = c.cr().path("metadata").path("name").asText();
        JsonNode config = find(rendered, "ConfigMap", name + "-config");
        JsonNode envoy = find(rendered, "ConfigMap", name + "-envoy-config");
        JsonNode service = find(rendered, "Service", name);
        String annotation = config.path("metadata").path("annotations").path(RouterConfigDialect.ANNOTATION).asText(null);
        String tag = c.cr().path("spec").path("image").path("tag").asText(null);
        String envoyTargetPort = null;
        for (JsonNode port : service.path("spec").path("ports")) {
            if (envoyTargetPort == null && RouterPayloads.isEnvoyPortName(port.path("name").asText())) {
                envoyTargetPort = port.path(port.has("targetPort") ? "targetPort" : "port").asText();
            }
        }
        return new RouterPayloads(c.toString(), config.path("data").path("config.yaml").asText(null),
                RouterConfigDialect.of(annotation, tag), envoy.path("data").path("envoy.yaml").asText(null), envoyTargetPort);
    }

    private static synchronized void count(RouterPayloads.Checked checked, PayloadCase c) {
        if (checked.config() != null) {
            CONFIGS.merge(checked.config().dialect(), 1, Integer::sum);
            if (!checked.config().ok()) {
                REJECTED.add("config of " + c);
            }
        }
        if (checked.envoy() != null) {
            bootstraps++;
            if (!checked.envoy().ok() || !checked.realEnvoy().ok()) {
                REJECTED.add("envoy.yaml of " + c);
            }
        }
    }

    private static synchronized void countEntries(List<PublishedEntries.Entry> published) {
        entries += published.size();
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                && name.equals(o.path("metadata").path("name").asText())).findFirst().orElse(YAML.missingNode());
    }

    private static List<Path> crFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String pattern : CR_FILES) {
            var matcher = REPOSITORY.getFileSystem().getPathMatcher("glob:" + REPOSITORY.resolve(pattern));
            Path root = REPOSITORY.resolve(pattern.substring(0, pattern.indexOf('*')));
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root, 2)) {
                walk.filter(matcher::matches).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static List<ObjectNode> routersIn(Path file) throws IOException {
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).readAll().stream()
                .filter(d -> d != null && "SemanticRouter".equals(d.path("kind").asText()))
                .map(ObjectNode.class::cast).toList();
    }
}
