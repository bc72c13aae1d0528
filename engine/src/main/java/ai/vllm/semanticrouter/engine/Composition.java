package ai.vllm.semanticrouter.engine;

import ai.vllm.semanticrouter.engine.render.ResourceTemplate;

import java.util.List;

/**
 * One compiled composition file: the composite type it applies to and its resource templates, in order.
 * Immutable.
 */
public final class Composition {
    private final String name;
    private final String origin;
    private final String compositeApiVersion;
    private final String compositeKind;
    private final List<ResourceTemplate> templates;

    public Composition(String name, String origin, String compositeApiVersion, String compositeKind,
                       List<ResourceTemplate> templates) {
        this.name = name;
        this.origin = origin;
        this.compositeApiVersion = compositeApiVersion;
        this.compositeKind = compositeKind;
        this.templates = List.copyOf(templates);
    }

    public String name() {
        return name;
    }

    /** The file it was loaded from. */
    public String origin() {
        return origin;
    }

    public String compositeApiVersion() {
        return compositeApiVersion;
    }

    public String compositeKind() {
        return compositeKind;
    }

    public List<ResourceTemplate> templates() {
        return templates;
    }
}
