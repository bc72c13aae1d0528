package ai.vllm.semanticrouter.operator.functions.models;

import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import ai.vllm.semanticrouter.operator.functions.router.SecretEnv;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The model-provisioning function ({@code spec.models}): the env vars the router and its download
 * step read (router {@code modeldownload/config_parser.go}: {@code HF_ENDPOINT}, {@code HF_TOKEN},
 * {@code HF_HOME}), whether the download step runs before the router, the image it runs, and the
 * size of the models volume the rendered config needs. It is {@code environment.models}.
 * The token is a {@code secretKeyRef}: the operator never reads the Secret.
 */
public record ModelProvisioning(String image, ModelSource source, boolean downloadStep, List<ObjectNode> env,
                                ModelFootprint footprint) {
    /** HOME and the Hugging Face cache on the pod's cache emptyDir: a UID without a passwd entry has HOME=/. */
    static final String HOME = "/.cache";
    static final String HF_HOME = "/.cache/huggingface";
    static final String DEFAULT_TOKEN_KEY = "token";

    public static ModelProvisioning of(JsonNode cr, RouterConfig router) {
        JsonNode spec = cr.path("spec");
        JsonNode models = spec.path("models");
        ModelSource source = ModelSource.named(models.path("source").asText(""));
        boolean canonical = router.choice().dialect().canonical();
        // routers since v0.3.0 have --download-only; the flat-format routers before it are not known to
        boolean downloadStep = canonical && models.path("downloadBeforeStart").asBoolean(true);
        ModelFootprint footprint = ModelFootprint.of(canonical ? router.document() : spec.path("config"), canonical);
        return new ModelProvisioning(RouterImage.of(spec), source, downloadStep, env(spec, source), footprint);
    }

    /** The env vars, leaving out the names spec.env sets itself (the CR wins, and duplicates break apply). */
    private static List<ObjectNode> env(JsonNode spec, ModelSource source) {
        Set<String> written = new HashSet<>();
        spec.path("env").forEach(e -> written.add(e.path("name").asText()));
        List<ObjectNode> env = new ArrayList<>();
        env.add(value("HOME", HOME));
        env.add(value("HF_HOME", HF_HOME));
        JsonNode huggingFace = spec.path("models").path("huggingFace");
        if (source == ModelSource.PRE_FILLED) {
            env.add(value("HF_HUB_OFFLINE", "1"));
        } else {
            String endpoint = huggingFace.path("endpoint").asText("");
            if (!endpoint.isEmpty()) {
                env.add(value("HF_ENDPOINT", endpoint));
            }
            JsonNode token = huggingFace.path("tokenSecretRef");
            if (!token.path("name").asText("").isEmpty()) {
                env.add(new SecretEnv("HF_TOKEN", token.path("name").asText(),
                        token.path("key").asText(DEFAULT_TOKEN_KEY), false).toEnvVar());
            }
        }
        return env.stream().filter(e -> !written.contains(e.path("name").asText())).toList();
    }

    private static ObjectNode value(String name, String value) {
        ObjectNode var = JsonNodeFactory.instance.objectNode();
        var.put("name", name);
        var.put("value", value);
        return var;
    }

    /** {@code environment.models}, the shape fixed in docs/contracts.md. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("image", image);
        json.put("source", source.value());
        json.put("downloadStep", downloadStep);
        ArrayNode vars = json.putArray("env");
        env.forEach(vars::add);
        ArrayNode directories = json.putArray("directories");
        footprint.directories().forEach(directories::add);
        json.put("volumeSize", footprint.volumeSize());
        return json;
    }
}
