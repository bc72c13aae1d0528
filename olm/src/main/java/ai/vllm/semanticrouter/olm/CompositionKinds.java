package ai.vllm.semanticrouter.olm;

import ai.vllm.semanticrouter.engine.Composition;
import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.CompositionSource;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.engine.render.ResourceTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the compositions produce, as the engine loads them (the operator renders the same set), so
 * RBAC and the CSV follow the compositions without a line of Java per kind.
 */
public final class CompositionKinds {
    private CompositionKinds() {
    }

    /** Distinct kinds of the compositions, in composition order, then template order. */
    public static List<ApiResource> of(List<ApiSources.NamedText> compositions) {
        return load(compositions).producedKinds().stream().map(k -> ApiResource.of(k.apiVersion(), k.kind())).toList();
    }

    /** Distinct kinds of the extension files, loaded after the compositions they may build on. */
    public static List<ApiResource> ofExtensions(List<ApiSources.NamedText> compositions,
                                                 List<ApiSources.NamedText> extensions) {
        List<ApiSources.NamedText> all = new ArrayList<>(compositions);
        all.addAll(extensions);
        Set<String> extensionFiles = extensions.stream().map(ApiSources.NamedText::name).collect(Collectors.toSet());
        Set<ApiResource> kinds = new LinkedHashSet<>();
        for (Composition composition : load(all).compositions()) {
            if (extensionFiles.contains(composition.origin())) {
                composition.templates().forEach(t -> kinds.add(ApiResource.of(
                        t.base().path("apiVersion").asText(), t.base().path("kind").asText())));
            }
        }
        return List.copyOf(kinds);
    }

    /** Whether a template of {@code kind} writes {@code fieldPath}: set in its base, or the target of a patch. */
    public static boolean writesField(List<ApiSources.NamedText> compositions, String kind, String fieldPath) {
        for (Composition composition : load(compositions).compositions()) {
            for (ResourceTemplate template : composition.templates()) {
                if (kind.equals(template.base().path("kind").asText()) && template.writes(fieldPath)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static CompositionSet load(List<ApiSources.NamedText> files) {
        LoadResult result = CompositionLoader.create()
                .load(files.stream().map(f -> new CompositionSource(f.name(), f.text())).toList());
        if (!result.ok()) {
            throw new IllegalStateException("the compositions do not load:\n"
                    + result.errors().stream().map(LoadError::format).collect(Collectors.joining("\n")));
        }
        return result.set();
    }
}
