package ai.vllm.semanticrouter.engine.load;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A composition file after the YAML and header checks, before its patches are compiled.
 *
 * @param origin the file
 * @param yaml   the located tree
 * @param errors this file's errors so far
 */
public record ParsedFile(String origin, LocatedYaml yaml, ErrorSink errors) {

    public JsonNode root() {
        return yaml.root();
    }

    public String name() {
        return root().path("metadata").path("name").asText("");
    }

    public JsonNode spec() {
        return root().path("spec");
    }

    /** Parses and checks the header: apiVersion, kind, metadata.name, compositeTypeRef, resources. */
    public static ParsedFile parse(String origin, String text) {
        LocatedYaml yaml;
        try {
            yaml = LocatedYaml.parse(text);
        } catch (LocatedYaml.LocatedSyntaxError e) {
            ErrorSink sink = new ErrorSink(origin, null);
            sink.add(new ai.vllm.semanticrouter.engine.LoadError(origin, e.line(), e.column(), e.getMessage()));
            return new ParsedFile(origin, null, sink);
        }
        ParsedFile file = new ParsedFile(origin, yaml, new ErrorSink(origin, yaml));
        file.checkHeader();
        return file;
    }

    public boolean readable() {
        return yaml != null && root().isObject();
    }

    private void checkHeader() {
        JsonNode root = root();
        if (!root.isObject()) {
            errors.accept(new CompositionException(root, "a composition file must be a YAML mapping"));
            return;
        }
        expect(root, "apiVersion", "compositions.vllm.ai/v1alpha1");
        expect(root, "kind", "Composition");
        if (name().isEmpty()) {
            errors.accept(new CompositionException(root.has("metadata") ? root.get("metadata") : root, "missing metadata.name"));
        }
        JsonNode type = spec().path("compositeTypeRef");
        if (!type.path("apiVersion").isTextual() || !type.path("kind").isTextual()) {
            errors.accept(new CompositionException(spec().isObject() ? spec() : root,
                    "spec.compositeTypeRef needs apiVersion and kind"));
        }
        if (!spec().path("resources").isArray()) {
            errors.accept(new CompositionException(spec().isObject() ? spec() : root, "spec.resources must be a list"));
        }
    }

    private void expect(JsonNode root, String field, String value) {
        if (!value.equals(root.path(field).asText())) {
            errors.accept(new CompositionException(root.has(field) ? root.get(field) : root,
                    field + " must be '" + value + "'"));
        }
    }
}
