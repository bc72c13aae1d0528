package ai.vllm.semanticrouter.operator.functions.models;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The router image reference {@code [imageRegistry/]repository[:tag]} from {@code spec.image}: one
 * home for it, because the router container and the model download step must run the same image
 * (the step uses the router's own {@code --download-only} mode and its list of required models).
 */
public final class RouterImage {
    /** The image the CRD's defaults name. */
    public static final String DEFAULT = "ghcr.io/vllm-project/semantic-router/extproc:v0.4.0";
    /** What a registry alone points at (the original operator's choice). */
    static final String REGISTRY_ONLY_PATH = "ghcr.io/vllm-project/semantic-router/extproc:latest";

    private RouterImage() {
    }

    public static String of(JsonNode spec) {
        JsonNode image = spec.path("image");
        String registry = image.path("imageRegistry").asText("");
        String repository = image.path("repository").asText("");
        String tag = image.path("tag").asText("");
        if (repository.isEmpty()) {
            return registry.isEmpty() ? DEFAULT : registry + "/" + REGISTRY_ONLY_PATH;
        }
        String reference = tag.isEmpty() ? repository : repository + ":" + tag;
        return registry.isEmpty() ? reference : registry + "/" + reference;
    }
}
