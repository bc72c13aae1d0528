package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.CompositionSource;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.LoadResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The compositions the operator renders: the built-in ones from the classpath plus user files from
 * {@code --compositions-dir}. Each user file is loaded on its own, so a broken file, or one whose
 * names clash with what is already loaded, is rejected with all its errors and the rest still load.
 */
public final class CompositionCatalog {
    public static final String BUILT_IN_INDEX = "semanticrouter/compositions/index.txt";

    private final CompositionSet set;
    private final List<LoadError> errors;

    private CompositionCatalog(CompositionSet set, List<LoadError> errors) {
        this.set = set;
        this.errors = List.copyOf(errors);
    }

    /** The built-in compositions; a broken built-in file is a packaging bug and fails loudly. */
    public static CompositionSet builtIn() {
        LoadResult result = CompositionLoader.create()
                .loadClasspath(CompositionCatalog.class.getClassLoader(), BUILT_IN_INDEX);
        if (!result.ok()) {
            throw new IllegalStateException("built-in compositions are broken:\n"
                    + String.join("\n", result.errors().stream().map(LoadError::format).toList()));
        }
        return result.set();
    }

    /** Built-ins plus every *.yaml / *.yml file of the directories (or the files named), in name order. */
    public static CompositionCatalog load(List<Path> directories) {
        return extend(builtIn(), directories);
    }

    public static CompositionCatalog extend(CompositionSet base, List<Path> directories) {
        CompositionLoader loader = CompositionLoader.create();
        CompositionSet set = base;
        List<LoadError> errors = new ArrayList<>();
        for (Path file : files(directories)) {
            LoadResult own = loader.load(List.of(new CompositionSource(file.toString(), read(file))));
            if (!own.ok()) {
                errors.addAll(own.errors());
                continue;
            }
            LoadResult merged = set.plus(own.set());
            if (merged.ok()) {
                set = merged.set();
            } else {
                errors.addAll(merged.errors());
            }
        }
        return new CompositionCatalog(set, errors);
    }

    public CompositionSet set() {
        return set;
    }

    /** Every problem of the rejected user files, as "file:line:column: message". */
    public List<LoadError> errors() {
        return errors;
    }

    /** How many composition files the directories (or files) hold. */
    public static int fileCount(List<Path> directories) {
        return files(directories).size();
    }

    static List<Path> files(List<Path> directories) {
        List<Path> files = new ArrayList<>();
        for (Path directory : directories) {
            if (Files.isRegularFile(directory)) {
                files.add(directory);
                continue;
            }
            try (Stream<Path> entries = Files.list(directory)) {
                entries.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list compositions directory " + directory, e);
            }
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
