package ai.vllm.semanticrouter.engine;

import ai.vllm.semanticrouter.engine.load.CompositeReferences;
import ai.vllm.semanticrouter.engine.load.CompositionException;
import ai.vllm.semanticrouter.engine.load.ParsedFile;
import ai.vllm.semanticrouter.engine.load.TemplateCompiler;
import ai.vllm.semanticrouter.engine.patch.Patch;
import ai.vllm.semanticrouter.engine.patch.PatchParser;
import ai.vllm.semanticrouter.engine.render.ResourceTemplate;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads composition files and compiles them once: YAML parsed with positions, field paths parsed,
 * CEL compiled, patch and transform types checked, names checked for uniqueness and, when loaded
 * {@link #forComposite for a composite type}, compositeTypeRef and every field read from the
 * composite checked against its schema. Every error of every file is reported with
 * file:line:column; a file with errors is left out and the others load. Immutable, thread-safe.
 */
public final class CompositionLoader {
    /** The composite the compositions are for; null: none given, nothing checked against it. */
    private final CompositeType composite;

    private CompositionLoader(CompositeType composite) {
        this.composite = composite;
    }

    /**
     * A loader that checks the compositions on their own: it does not compare {@code compositeTypeRef}
     * with any kind, nor field paths into the composite with any schema.
     */
    public static CompositionLoader create() {
        return new CompositionLoader(null);
    }

    /**
     * A loader for compositions of {@code type}: a file whose {@code compositeTypeRef} names another
     * kind is an error, and so is every field path into the composite ({@code fromFieldPath} of
     * {@code FromCompositeFieldPath}, {@code CombineFromComposite} and a composite {@code ForEach},
     * {@code toFieldPath} of {@code ToCompositeFieldPath}) and every {@code composite...} reference
     * of a CEL condition that the type's schema does not have, each naming the nearest field it has.
     */
    public CompositionLoader forComposite(CompositeType type) {
        return new CompositionLoader(type);
    }

    /** Loads the sources in order (which is also the render order). */
    public LoadResult load(List<CompositionSource> sources) {
        List<ParsedFile> files = sources.stream().map(s -> ParsedFile.parse(s.origin(), s.text())).toList();
        Map<String, List<Patch>> patchSets = compilePatchSets(files);
        List<Composition> compositions = new ArrayList<>();
        Set<String> compositionNames = new LinkedHashSet<>();
        Set<String> templateNames = new LinkedHashSet<>();
        List<LoadError> errors = new ArrayList<>();
        for (ParsedFile file : files) {
            Composition composition = file.readable() ? compile(file, patchSets, compositionNames, templateNames) : null;
            errors.addAll(file.errors().errors());
            if (composition != null && file.errors().count() == 0) {
                compositions.add(composition);
                compositionNames.add(composition.name());
                composition.templates().forEach(t -> templateNames.add(t.name()));
            }
        }
        return new LoadResult(new CompositionSet(compositions, patchSets), errors);
    }

    /** Every *.yaml / *.yml file of the directory, in name order. */
    public LoadResult loadDirectory(Path dir) {
        return load(CompositionSource.fromPaths(List.of(dir)));
    }

    /** The files listed (one resource path a line, relative to the index's folder) by a classpath index. */
    public LoadResult loadClasspath(ClassLoader loader, String indexResource) {
        return load(CompositionSource.fromClasspath(loader, indexResource));
    }

    private Map<String, List<Patch>> compilePatchSets(List<ParsedFile> files) {
        Map<String, List<Patch>> patchSets = new HashMap<>();
        for (ParsedFile file : files) {
            if (!file.readable()) {
                continue;
            }
            PatchParser parser = parser(file, patchSets::get, Set.of(), references(file));
            for (JsonNode set : file.spec().path("patchSets")) {
                String name = set.path("name").asText("");
                if (name.isEmpty() || patchSets.containsKey(name)) {
                    file.errors().accept(new CompositionException(set, name.isEmpty() ? "a patch set needs a 'name'"
                            : "patch set '" + name + "' is defined twice"));
                    continue;
                }
                patchSets.put(name, List.copyOf(parser.parseAll(set.get("patches"), name)));
            }
        }
        return patchSets;
    }

    private Composition compile(ParsedFile file, Map<String, List<Patch>> patchSets, Set<String> compositionNames,
                                Set<String> templateNames) {
        if (compositionNames.contains(file.name())) {
            file.errors().accept(new CompositionException(file.root().path("metadata").path("name"),
                    "composition name '" + file.name() + "' is already used"));
        }
        JsonNode type = file.spec().path("compositeTypeRef");
        if (composite != null && !forThisComposite(file)) {
            JsonNode differs = type.path("kind").asText().equals(composite.kind()) ? type.get("apiVersion") : type.get("kind");
            file.errors().accept(new CompositionException(differs, "compositeTypeRef is " + type.path("kind").asText()
                    + " (" + type.path("apiVersion").asText() + "), but these compositions render " + composite.describe()));
        }
        CompositeReferences references = references(file);
        Set<String> renderedBefore = new LinkedHashSet<>(templateNames);
        List<ResourceTemplate> templates = new ArrayList<>();
        for (JsonNode node : file.spec().path("resources")) {
            String name = node.path("name").asText("");
            if (renderedBefore.contains(name)) {
                file.errors().accept(new CompositionException(node.path("name"), "resource name '" + name + "' is already used"));
            }
            TemplateCompiler compiler = new TemplateCompiler(file.name(), file.origin(), file.yaml(),
                    parser(file, patchSets::get, Set.copyOf(renderedBefore), references), file.errors());
            ResourceTemplate template = compiler.compile(node);
            if (template != null) {
                templates.add(template);
            }
            renderedBefore.add(name);
        }
        return new Composition(file.name(), file.origin(), type.path("apiVersion").asText(), type.path("kind").asText(), templates);
    }

    /** True when the file's compositeTypeRef names the loader's composite (a header error aside). */
    private boolean forThisComposite(ParsedFile file) {
        JsonNode type = file.spec().path("compositeTypeRef");
        return !type.path("apiVersion").isTextual() || !type.path("kind").isTextual()
                || composite.matches(type.path("apiVersion").asText(), type.path("kind").asText());
    }

    /** Schema checks for the file's references to the composite; none for a file written for another kind. */
    private CompositeReferences references(ParsedFile file) {
        return composite != null && forThisComposite(file) ? CompositeReferences.of(composite) : CompositeReferences.UNCHECKED;
    }

    private static PatchParser parser(ParsedFile file, java.util.function.Function<String, List<Patch>> sets,
                                      Set<String> renderedBefore, CompositeReferences references) {
        return new PatchParser(file.origin(), node -> file.yaml().locate(node)[0], sets, renderedBefore, references,
                file.errors());
    }
}
