package ai.vllm.semanticrouter.operator.functions.router;

import java.util.Optional;

/**
 * The formats of the router's config.yaml, one per family of router releases (router-config spec
 * sections 1.6 and 6): the legacy flat file of v0.1/v0.2, the router-native v0.3 names, and the
 * v0.4 dialect that vllm-sr 0.4.0 validates.
 */
public enum ConfigDialect {
    FLAT("flat"),
    V0_3("v0.3"),
    V0_4("v0.4");

    private final String value;

    ConfigDialect(String value) {
        this.value = value;
    }

    /** The value of {@code spec.configDialect}, {@code environment.router.dialect} and the ConfigMap annotation. */
    public String value() {
        return value;
    }

    /** The dialect a {@code spec.configDialect} value names; empty for {@code auto} or an unknown value. */
    public static Optional<ConfigDialect> named(String value) {
        for (ConfigDialect dialect : values()) {
            if (dialect.value.equals(value)) {
                return Optional.of(dialect);
            }
        }
        return Optional.empty();
    }

    public boolean canonical() {
        return this != FLAT;
    }
}
