package ai.vllm.semanticrouter.operator.catalog;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.CompositionSource;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.operator.crd.ShippedCrd;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compositions the operator renders: the built-in ones from the classpath plus user files from
 * {@code --compositions-dir}. A broken user file, or one whose names clash with what is already
 * loaded, is rejected with all its errors (file:line:column) and the rest still load. Every file is
 * checked against the SemanticRouter CRD on the classpath: its compositeTypeRef must name
 * SemanticRouter and every field it reads from the CR must exist in the CRD's schema.
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
        sources.addAll(CompositionSource.fromPaths(directories));
        LoadResult result = Loader.CHECKED.load(sources);
        return new CompositionCatalog(result.set(), result.errors());
    }

    /**
     * The loader for SemanticRouter compositions, checking them against the CRD this operator ships;
     * created on first use (the CRD is large and not every command loads compositions).
     */
    private static final class Loader {
        static final CompositionLoader CHECKED = CompositionLoader.create().forComposite(ShippedCrd.compositeType());
    }

    /** The built-in composition files, in the order of the classpath index. */
    static List<CompositionSource> builtInSources() {
        return CompositionSource.fromClasspath(CompositionCatalog.class.getClassLoader(), BUILT_IN_INDEX);
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
        return CompositionSource.files(directories).size();
    }
}
