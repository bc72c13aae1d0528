package ai.vllm.semanticrouter.it.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Writes the figures as bench/results/&lt;date&gt;.json and as the operator table of bench/README.md,
 * with the Go operator's figures ({@link GoOperator}) in a column of their own.
 */
final class BenchReport {
    private static final String BEGIN = "<!-- operator-bench:begin -->";
    private static final String END = "<!-- operator-bench:end -->";

    private BenchReport() {
    }

    static void write(Path benchDir, List<Figures> figures) throws IOException {
        Files.createDirectories(benchDir.resolve("results"));
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("date", LocalDate.now().toString());
        root.set("machine", machine(json));
        ArrayNode list = root.putArray("operator");
        for (Figures f : figures) {
            ObjectNode node = list.addObject();
            node.put("name", f.name()).put("unit", f.unit()).put("min", f.min()).put("median", f.median())
                    .put("max", f.max()).put("met", f.met());
            node.putPOJO("samples", f.samples());
            if (!Double.isNaN(f.target())) {
                node.put("target", f.target());
            }
            if (!f.goOperator().isEmpty()) {
                node.put("goOperator", f.goOperator());
            }
        }
        Path file = benchDir.resolve("results").resolve(LocalDate.now() + "-operator.json");
        json.writeValue(file.toFile(), root);
        System.out.println("[bench] wrote " + file);
        updateReadme(benchDir.resolve("README.md"), table(figures, root.get("machine")));
    }

    private static ObjectNode machine(ObjectMapper json) {
        ObjectNode machine = json.createObjectNode();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryBytes", ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return machine;
    }

    private static String table(List<Figures> figures, com.fasterxml.jackson.databind.JsonNode machine) {
        StringBuilder text = new StringBuilder(BEGIN).append('\n');
        text.append("Operator benchmarks, ").append(LocalDate.now()).append(", ").append(machine.get("cores").asInt())
                .append(" cores, ").append(machine.get("memoryBytes").asLong() / (1 << 30)).append(" GiB, ")
                .append(machine.get("jvm").asText()).append(".\n\n");
        text.append("The column \"").append(GoOperator.TITLE).append("\" quotes the issue (500 CRs in 10 namespaces,"
                + " same harness); it is not measured here.\n\n");
        text.append("| figure | min | median | max | unit | ").append(GoOperator.TITLE)
                .append(" | target | verdict |\n|---|---|---|---|---|---|---|---|\n");
        figures.forEach(f -> text.append(f.row()).append('\n'));
        return text.append(END).toString();
    }

    private static void updateReadme(Path readme, String table) throws IOException {
        String current = Files.exists(readme) ? Files.readString(readme) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        int begin = current.indexOf(BEGIN);
        int end = current.indexOf(END);
        String updated = begin >= 0 && end > begin
                ? current.substring(0, begin) + table + current.substring(end + END.length())
                : current + "\n" + table + "\n";
        Files.writeString(readme, updated);
        System.out.println("[bench] updated " + readme);
    }
}
