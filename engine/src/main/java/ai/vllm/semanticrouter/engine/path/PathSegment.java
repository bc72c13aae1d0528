package ai.vllm.semanticrouter.engine.path;

/** One step of a field path: a key, an array index, or every element of an array. */
public sealed interface PathSegment permits PathSegment.Key, PathSegment.Index, PathSegment.Every {

    /**
     * A map key; {@code labels[app.kubernetes.io/name]} gives the key {@code app.kubernetes.io/name}.
     * The name is interned: Jackson interns the field names it parses, so a lookup in a parsed tree
     * compares the key by identity instead of by content.
     */
    record Key(String name) implements PathSegment {
        public Key {
            name = name.intern();
        }

        @Override
        public String toString() {
            return name.matches("[A-Za-z0-9_-]+") ? "." + name : "[" + name + "]";
        }
    }

    /** An array index, {@code [0]}. */
    record Index(int index) implements PathSegment {
        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }

    /** {@code [*]}: every element (writes only). */
    record Every() implements PathSegment {
        @Override
        public String toString() {
            return "[*]";
        }
    }
}
