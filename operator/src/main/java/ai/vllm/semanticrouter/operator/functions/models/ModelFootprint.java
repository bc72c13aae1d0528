package ai.vllm.semanticrouter.operator.functions.models;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model directories a rendered router config makes the router download into {@code /app/models},
 * and the volume size they need when {@code spec.persistence.size} is not written. The router takes
 * every {@code models/<dir>} value of a model field (a path whose last segment has no extension) and
 * downloads the whole Hugging Face repository of each (router {@code modeldownload/config_parser.go});
 * canonical routers also load their default embedding model ({@code config/canonical_defaults.go}).
 * Sizes are upper estimates of a repository snapshot (weights in more than one format, tokenizer),
 * from the parameter counts of the router's model registry ({@code config/registry.go}).
 */
public final class ModelFootprint {
    /** The embedding model canonical routers add to every config. */
    static final String DEFAULT_EMBEDDING = "models/mmbert-embed-32k-2d-matryoshka";
    /** Estimated MiB per model directory; directories not listed get {@link #UNKNOWN_MIB}. */
    static final Map<String, Integer> ESTIMATED_MIB = Map.ofEntries(
            Map.entry("models/mom-embedding-light", 512),
            Map.entry("models/mom-halugate-sentinel", 1536),
            Map.entry("models/mom-jailbreak-classifier", 2048),
            Map.entry("models/mom-domain-classifier", 2048),
            Map.entry("models/mom-pii-classifier", 2048),
            Map.entry("models/mom-mmbert-pii-detector", 2048),
            Map.entry("models/mom-halugate-detector", 2048),
            Map.entry("models/mom-halugate-explainer", 2048),
            Map.entry("models/mom-feedback-detector", 2048),
            Map.entry("models/mom-embedding-flash", 3072),
            Map.entry("models/mom-embedding-pro", 3072),
            Map.entry(DEFAULT_EMBEDDING, 3072));
    static final int UNKNOWN_MIB = 3072;
    /** Room for the partial files of a download beside the finished ones. */
    static final double HEADROOM = 1.5;
    static final int MINIMUM_GIB = 5;

    private final Set<String> directories;

    private ModelFootprint(Set<String> directories) {
        this.directories = directories;
    }

    /** The footprint of {@code config} (the canonical document, or spec.config for the flat file). */
    public static ModelFootprint of(JsonNode config, boolean canonical) {
        Set<String> directories = new TreeSet<>();
        collect(config, directories);
        if (canonical) {
            directories.add(DEFAULT_EMBEDDING);
        }
        return new ModelFootprint(directories);
    }

    public Set<String> directories() {
        return directories;
    }

    /** The volume size as a Kubernetes quantity in whole Gi. */
    public String volumeSize() {
        long mib = directories.stream().mapToLong(d -> ESTIMATED_MIB.getOrDefault(d, UNKNOWN_MIB)).sum();
        long gib = (long) Math.ceil(mib * HEADROOM / 1024.0);
        return Math.max(gib, MINIMUM_GIB) + "Gi";
    }

    private static void collect(JsonNode node, Set<String> directories) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            directory(node.asText(), directories);
        }
        node.forEach(child -> collect(child, directories));
    }

    private static void directory(String value, Set<String> directories) {
        if (!value.startsWith("models/")) {
            return;
        }
        String[] segments = value.split("/");
        // models/<dir> is a model; models/<dir>/<file>.json is a file of it, whose model is listed elsewhere
        if (segments.length == 2 && !segments[1].isEmpty() && !segments[1].contains(".")) {
            directories.add(value);
        }
    }
}
