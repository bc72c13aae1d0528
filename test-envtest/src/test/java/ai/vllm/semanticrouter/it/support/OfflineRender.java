package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code render -f cr.yaml --cluster objects.yaml --platform p} run in-process, with the objects
 * of {@link ClusterObjects} beside the CR (so discovery succeeds): the objects the operator would apply.
 */
public final class OfflineRender {
    private static final YAMLMapper YAML = new YAMLMapper();

    private OfflineRender() {
    }

    /** The rendered objects; fails with render's error output when it exits non-zero. */
    public static List<JsonNode> render(JsonNode cr, String platform, Path dir) throws IOException {
        return render(cr, List.copyOf(ClusterObjects.forRouter(cr)), platform, dir);
    }

    /** The rendered objects with these cluster objects beside the CR (e.g. read from a live API server). */
    public static List<JsonNode> render(JsonNode cr, List<JsonNode> clusterObjects, String platform, Path dir) throws IOException {
        Path crFile = Files.writeString(dir.resolve("cr.yaml"), YAML.writeValueAsString(cr));
        Path cluster = Files.writeString(dir.resolve("cluster.yaml"), clusterObjects.stream()
                .map(OfflineRender::yaml).collect(Collectors.joining()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine render = Main.commandLine();
        render.setOut(new PrintWriter(out, true));
        render.setErr(new PrintWriter(err, true));
        int exit = render.execute("render", "-f", crFile.toString(), "--cluster", cluster.toString(), "--platform", platform);
        if (exit != 0) {
            throw new IllegalStateException("render of " + cr.path("metadata").path("name").asText() + " on " + platform
                    + " failed (exit " + exit + "):\n" + err);
        }
        return YAML.readerFor(JsonNode.class).<JsonNode>readValues(out.toString()).readAll();
    }

    /** The rendered object of {@code kind} named {@code name}, or a missing node. */
    public static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())
                && name.equals(o.path("metadata").path("name").asText())).findFirst().orElse(YAML.missingNode());
    }

    private static String yaml(JsonNode object) {
        try {
            return YAML.writeValueAsString(object);   // each starts with ---
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
