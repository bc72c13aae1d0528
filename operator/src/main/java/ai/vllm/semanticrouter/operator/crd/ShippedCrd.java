package ai.vllm.semanticrouter.operator.crd;

import ai.vllm.semanticrouter.engine.CompositeType;
import ai.vllm.semanticrouter.engine.CompositionSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The SemanticRouter CRD this operator ships on its classpath, parsed once on first use: the
 * composite type the compositions are checked against, and the schema of admission checks.
 */
public final class ShippedCrd {
    /** The classpath resource (the compositions module's CRD). */
    public static final String RESOURCE = "semanticrouter/crd/vllm.ai_semanticrouters.yaml";
    /** The version the operator reads and writes. */
    public static final String VERSION = "v1alpha1";

    private ShippedCrd() {
    }

    /** The CRD document. */
    public static JsonNode document() {
        return Parsed.DOCUMENT;
    }

    /** The SemanticRouter of {@link #VERSION} as the engine's composite type. */
    public static CompositeType compositeType() {
        return Parsed.COMPOSITE_TYPE;
    }

    /** Initialised on first use: not every command needs the CRD, and it is large. */
    private static final class Parsed {
        static final JsonNode DOCUMENT = parse();
        static final CompositeType COMPOSITE_TYPE = CompositeType.fromCrd(DOCUMENT, VERSION);

        private static JsonNode parse() {
            try {
                return new YAMLMapper().readTree(CompositionSource.resource(ShippedCrd.class.getClassLoader(), RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse the classpath resource " + RESOURCE, e);
            }
        }
    }
}
