package ai.vllm.semanticrouter.it.support;

import java.util.Arrays;
import java.util.regex.Pattern;

/** Which format a rendered router config.yaml is in, and so which of the router's validators judges it. */
public enum RouterConfigDialect {
    /** The legacy flat format that routers v0.1 and v0.2 load. */
    FLAT("flat"),
    /** Canonical v0.3 as router v0.3 tags load it: `vllm-sr validate` of vllm-sr 0.3.0. */
    V0_3("v0.3"),
    /** Canonical v0.3 as v0.4 and newer routers load it: `vllm-sr config validate` of vllm-sr 0.4.0. */
    V0_4("v0.4");

    /** The annotation the operator puts on the ConfigMap {@code <cr>-config}. */
    public static final String ANNOTATION = "semanticrouter.vllm.ai/config-dialect";
    private static final Pattern FLAT_TAG = Pattern.compile("^v?0\\.[12](\\.|$)");
    private static final Pattern V0_3_TAG = Pattern.compile("^v?0\\.3(\\.|$)");

    private final String label;

    RouterConfigDialect(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** {@code flat}, {@code v0.3} or {@code v0.4}. */
    public static RouterConfigDialect parse(String label) {
        return Arrays.stream(values()).filter(d -> d.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown router config dialect '" + label
                        + "' (expected flat, v0.3 or v0.4)"));
    }

    /**
     * The ConfigMap's annotation when present, else what the router image tag implies: v0.1/v0.2 flat,
     * v0.3 v0.3, anything else (newer, latest, a digest, no tag) v0.4.
     */
    public static RouterConfigDialect of(String annotation, String imageTag) {
        if (annotation != null && !annotation.isBlank()) {
            return parse(annotation.trim());
        }
        String tag = imageTag == null ? "" : imageTag.trim();
        if (FLAT_TAG.matcher(tag).find()) {
            return FLAT;
        }
        return V0_3_TAG.matcher(tag).find() ? V0_3 : V0_4;
    }
}
