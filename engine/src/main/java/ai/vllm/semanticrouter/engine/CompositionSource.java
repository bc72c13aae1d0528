package ai.vllm.semanticrouter.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The text of one composition file and where it came from, and the one place that finds composition
 * files: in a classpath index or in folders.
 *
 * @param origin the file name or path shown in every error about this file
 * @param text   the YAML text
 */
public record CompositionSource(String origin, String text) {

    /**
     * The files a classpath index lists (one resource path a line, relative to the index's folder;
     * blank lines and {@code #} comments ignored), in the index's order.
     *
     * @throws UncheckedIOException when the index or a file it lists is missing or unreadable
     */
    public static List<CompositionSource> fromClasspath(ClassLoader loader, String indexResource) {
        String folder = indexResource.contains("/") ? indexResource.substring(0, indexResource.lastIndexOf('/') + 1) : "";
        List<CompositionSource> sources = new ArrayList<>();
        for (String line : resource(loader, indexResource).lines().map(String::trim).toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                sources.add(new CompositionSource(folder + line, resource(loader, folder + line)));
            }
        }
        return sources;
    }

    /** Every file of {@link #files}, read, with its path as origin. */
    public static List<CompositionSource> fromPaths(List<Path> filesOrFolders) {
        List<CompositionSource> sources = new ArrayList<>();
        for (Path file : files(filesOrFolders)) {
            try {
                sources.add(new CompositionSource(file.toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read composition file " + file, e);
            }
        }
        return sources;
    }

    /**
     * The composition files of each entry: a regular file as it is, a folder's {@code *.yaml} and
     * {@code *.yml} regular files in name order.
     */
    public static List<Path> files(List<Path> filesOrFolders) {
        List<Path> files = new ArrayList<>();
        for (Path entry : filesOrFolders) {
            if (Files.isRegularFile(entry)) {
                files.add(entry);
                continue;
            }
            try (Stream<Path> entries = Files.list(entry)) {
                entries.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list compositions directory " + entry, e);
            }
        }
        return files;
    }

    /** The UTF-8 text of a classpath resource. */
    public static String resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no classpath resource " + name));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }
}
