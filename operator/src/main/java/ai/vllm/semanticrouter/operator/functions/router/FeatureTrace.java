package ai.vllm.semanticrouter.operator.functions.router;

import java.util.ArrayList;
import java.util.List;

/**
 * What the rendered config makes the router do, for people: the features that act on requests
 * ({@code status.router.features}) and, for each signal, decision and plugin, the CR field it came
 * from ({@code render --explain}). A feature the CR turns on but nothing uses is a finding instead.
 */
public final class FeatureTrace {
    /** One element of the config and the CR field that produced it. */
    public record Origin(String configPath, String crField) {
        public String format() {
            return configPath + " <- " + crField;
        }
    }

    private final List<String> features = new ArrayList<>();
    private final List<Origin> origins = new ArrayList<>();

    void acts(String feature) {
        features.add(feature);
    }

    void origin(String configPath, String crField) {
        origins.add(new Origin(configPath, crField));
    }

    public List<String> features() {
        return List.copyOf(features);
    }

    public List<Origin> origins() {
        return List.copyOf(origins);
    }
}
