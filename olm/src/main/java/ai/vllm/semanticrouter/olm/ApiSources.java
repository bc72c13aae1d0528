package ai.vllm.semanticrouter.olm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs of the generator, as text: the CRD, the composition files (in index.txt order) and
 * the sample CRs, read from the compositions module's resource folder {@code semanticrouter/}.
 */
public record ApiSources(NamedText crd, List<NamedText> compositions, List<NamedText> samples,
                         List<NamedText> extensions) {
    public static final String CRD = "crd/vllm.ai_semanticrouters.yaml";
    public static final String COMPOSITIONS = "compositions/";
    public static final String INDEX = COMPOSITIONS + "index.txt";
    public static final String SAMPLES = "samples/";
    public static final String EXTENSIONS = "extensions/";
    /** Where the compositions module keeps them, relative to the repository root. */
    public static final Path SOURCE_FOLDER = Path.of("compositions", "src", "main", "resources", "semanticrouter");

    public record NamedText(String name, String text) {
    }

    /**
     * Reads {@code root/crd/...}, {@code root/compositions/index.txt}, every {@code root/samples/*.yaml}
     * and every opt-in {@code root/extensions/*.yaml}.
     */
    public static ApiSources fromDirectory(Path root) {
        NamedText crd = read(root.resolve(CRD));
        List<NamedText> compositions = new ArrayList<>();
        for (String file : indexLines(readString(root.resolve(INDEX)))) {
            compositions.add(read(root.resolve(COMPOSITIONS + file)));
        }
        return new ApiSources(crd, List.copyOf(compositions), yamlFiles(root.resolve(SAMPLES)),
                yamlFiles(root.resolve(EXTENSIONS)));
    }

    private static List<NamedText> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml")).sorted()
                    .map(ApiSources::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> indexLines(String index) {
        return index.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static NamedText read(Path file) {
        return new NamedText(file.getFileName().toString(), readString(file));
    }

    private static String readString(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing generator input " + file.toAbsolutePath().normalize());
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
