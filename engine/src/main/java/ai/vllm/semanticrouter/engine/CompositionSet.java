package ai.vllm.semanticrouter.engine;

import ai.vllm.semanticrouter.engine.patch.Patch;
import ai.vllm.semanticrouter.engine.render.ResourceTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compiled compositions, rendered in load order. Immutable and thread-safe. */
public final class CompositionSet {
    private final List<Composition> compositions;
    private final Map<String, List<Patch>> patchSets;

    CompositionSet(List<Composition> compositions, Map<String, List<Patch>> patchSets) {
        this.compositions = List.copyOf(compositions);
        this.patchSets = Map.copyOf(patchSets);
    }

    public static CompositionSet empty() {
        return new CompositionSet(List.of(), Map.of());
    }

    public List<Composition> compositions() {
        return compositions;
    }

    /** Every template name; unique across the set. */
    public Set<String> resourceNames() {
        Set<String> names = new LinkedHashSet<>();
        compositions.forEach(c -> c.templates().forEach(t -> names.add(t.name())));
        return names;
    }

    /** The distinct apiVersion + kind of every template's base object, in load order. */
    public List<ProducedKind> producedKinds() {
        Set<ProducedKind> kinds = new LinkedHashSet<>();
        for (Composition composition : compositions) {
            for (ResourceTemplate template : composition.templates()) {
                kinds.add(new ProducedKind(template.base().path("apiVersion").asText(), template.base().path("kind").asText()));
            }
        }
        return new ArrayList<>(kinds);
    }

    /**
     * The readiness of {@code observed} by the checks of the template named {@code resourceName}
     * (as in {@link RenderedResource#readiness()}, for an object observed after it was applied);
     * UNKNOWN when no template has that name or nothing was observed.
     */
    public Readiness readiness(String resourceName, com.fasterxml.jackson.databind.JsonNode observed) {
        for (Composition composition : compositions) {
            for (ResourceTemplate template : composition.templates()) {
                if (template.name().equals(resourceName)) {
                    return template.readiness(observed);
                }
            }
        }
        return Readiness.UNKNOWN;
    }

    Map<String, List<Patch>> patchSets() {
        return patchSets;
    }

    /**
     * This set plus {@code extra}. A composition, template or patch-set name of {@code extra} that is
     * already here is an error, and then none of {@code extra} is added: an extension can never replace
     * a resource by accident.
     */
    public LoadResult plus(CompositionSet extra) {
        List<LoadError> errors = new ArrayList<>();
        Set<String> compositionNames = new LinkedHashSet<>();
        compositions.forEach(c -> compositionNames.add(c.name()));
        Set<String> templateNames = resourceNames();
        for (Composition composition : extra.compositions) {
            if (compositionNames.contains(composition.name())) {
                errors.add(new LoadError(composition.origin(), 1, 1, "composition name '" + composition.name()
                        + "' is already loaded; choose another name"));
            }
            for (ResourceTemplate template : composition.templates()) {
                if (templateNames.contains(template.name())) {
                    errors.add(new LoadError(composition.origin(), template.line(), 1, "resource name '" + template.name()
                            + "' is already used by a loaded composition; an extension cannot replace it"));
                }
            }
        }
        for (String patchSet : extra.patchSets.keySet()) {
            if (patchSets.containsKey(patchSet)) {
                errors.add(new LoadError(extra.compositions.isEmpty() ? "" : extra.compositions.get(0).origin(), 1, 1,
                        "patch set '" + patchSet + "' is already defined"));
            }
        }
        if (!errors.isEmpty()) {
            return new LoadResult(this, errors);
        }
        List<Composition> merged = new ArrayList<>(compositions);
        merged.addAll(extra.compositions);
        Map<String, List<Patch>> sets = new LinkedHashMap<>(patchSets);
        sets.putAll(extra.patchSets);
        return new LoadResult(new CompositionSet(merged, sets), List.of());
    }
}
