package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.engine.CompositeType;
import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.CompositionSource;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.LoadResult;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The compositions the operator renders: the built-in ones from the classpath plus user files from
 * {@code --compositions-dir}. A broken user file, or one whose names clash with what is already
 * loaded, is rejected with all its errors (file:line:column) and the rest still load. Every file is
 * checked against the SemanticRouter CRD on the classpath: its compositeTypeRef must name
 * SemanticRouter and every field it reads from the CR must exist in the CRD's schema.
 */
public final class CompositionCatalog {
    public static final String BUILT_IN_INDEX = "semanticrouter/compositions/index.txt";
    /** The CRD of the composite the compositions render, and the version the operator reads. */
    private static final String COMPOSITE_CRD = "semanticrouter/crd/vllm.ai_semanticrouters.yaml";
    private static final String COMPOSITE_VERSION = "v1alpha1";

    private final CompositionSet set;
    private final List<LoadError> errors;

    private CompositionCatalog(CompositionSet set, List<LoadError> errors) {
        this.set = set;
        this.errors = List.copyOf(errors);
    }

    /** The built-in compositions; a broken built-in file is a packaging bug and fails loudly. */
    public static CompositionSet builtIn() {
        return load(List.of()).set();
    }

    /**
     * Built-ins plus every *.yaml / *.yml file of the directories (or the files named), in name order,
     * loaded together so that user files may use the built-in patch sets and reference earlier templates.
     */
    public static CompositionCatalog load(List<Path> directories) {
        List<CompositionSource> builtIns = builtInSources();
        CompositionCatalog catalog = loadSources(builtIns, directories);
        Set<String> builtInOrigins = builtIns.stream().map(CompositionSource::origin).collect(Collectors.toSet());
        List<LoadError> broken = catalog.errors.stream().filter(e -> builtInOrigins.contains(e.origin())).toList();
        if (!broken.isEmpty()) {
            throw new IllegalStateException("built-in compositions are broken:\n"
                    + String.join("\n", broken.stream().map(LoadError::format).toList()));
        }
        return catalog;
    }

    /** Only the files of the directories, without the built-in compositions (to lint the built-ins themselves). */
    public static CompositionCatalog loadWithoutBuiltIns(List<Path> directories) {
        return loadSources(List.of(), directories);
    }

    private static CompositionCatalog loadSources(List<CompositionSource> first, List<Path> directories) {
        List<CompositionSource> sources = new ArrayList<>(first);
        for (Path file : files(directories)) {
            sources.add(new CompositionSource(file.toString(), read(file)));
        }
        LoadResult result = Loader.CHECKED.load(sources);
        return new CompositionCatalog(result.set(), result.errors());
    }

    /**
     * The loader for SemanticRouter compositions, checking them against the CRD on the classpath;
     * created on first use (the CRD is large and not every command loads compositions).
     */
    private static final class Loader {
        static final CompositionLoader CHECKED = CompositionLoader.create().forComposite(parseCompositeType());

        private static CompositeType parseCompositeType() {
            try {
                return CompositeType.fromCrd(new YAMLMapper().readTree(resource(COMPOSITE_CRD)), COMPOSITE_VERSION);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + COMPOSITE_CRD, e);
            }
        }
    }

    /** The built-in composition files, in the order of the classpath index. */
    static List<CompositionSource> builtInSources() {
        String folder = BUILT_IN_INDEX.substring(0, BUILT_IN_INDEX.lastIndexOf('/') + 1);
        List<CompositionSource> sources = new ArrayList<>();
        for (String line : resource(BUILT_IN_INDEX).lines().map(String::trim).toList()) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                sources.add(new CompositionSource(folder + line, resource(folder + line)));
            }
        }
        return sources;
    }

    private static String resource(String name) {
        try (InputStream in = CompositionCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing classpath resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Adds user files one by one to an already loaded set (each file accepted or rejected on its own). */
    public static CompositionCatalog extend(CompositionSet base, List<Path> directories) {
        CompositionLoader loader = Loader.CHECKED;
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
