package ai.vllm.semanticrouter.operator.functions.models;

import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.vllm.semanticrouter.operator.functions.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;

class ModelProvisioningTest {

    @Test
    void theImageIsBuiltFromRegistryRepositoryAndTag() {
        assertThat(RouterImage.of(yaml("image: {repository: my/router, tag: v1, imageRegistry: reg.local}")))
                .isEqualTo("reg.local/my/router:v1");
        assertThat(RouterImage.of(yaml("image: {repository: my/router, tag: ''}"))).isEqualTo("my/router");
        assertThat(RouterImage.of(yaml("image: {repository: my/router, imageRegistry: reg.local}"))).isEqualTo("reg.local/my/router");
        assertThat(RouterImage.of(yaml("image: {repository: '', imageRegistry: reg.local}")))
                .isEqualTo("reg.local/ghcr.io/vllm-project/semantic-router/extproc:latest");
        assertThat(RouterImage.of(yaml("{}"))).isEqualTo(RouterImage.DEFAULT);
    }

    @Test
    void aTokenIsASecretKeyRefAndTheMirrorAnEndpoint() {
        JsonNode json = models("""
                models:
                  huggingFace:
                    endpoint: https://mirror.example.com
                    tokenSecretRef: {name: hf}
                """);
        assertThat(json.path("source").asText()).isEqualTo("HuggingFace");
        assertThat(json.path("downloadStep").asBoolean()).isTrue();
        assertThat(json.path("env").toString()).isEqualTo("[{\"name\":\"HOME\",\"value\":\"/.cache\"},"
                + "{\"name\":\"HF_HOME\",\"value\":\"/.cache/huggingface\"},"
                + "{\"name\":\"HF_ENDPOINT\",\"value\":\"https://mirror.example.com\"},"
                + "{\"name\":\"HF_TOKEN\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"hf\",\"key\":\"token\"}}}]");
    }

    @Test
    void preFilledIsOfflineWithoutTokenOrEndpoint() {
        JsonNode json = models("models: {source: PreFilled}\npersistence: {existingClaim: filled}\n");
        assertThat(json.path("source").asText()).isEqualTo("PreFilled");
        assertThat(json.path("downloadStep").asBoolean()).as("the step checks the volume offline").isTrue();
        assertThat(json.path("env").toString()).contains("{\"name\":\"HF_HUB_OFFLINE\",\"value\":\"1\"}")
                .doesNotContain("HF_TOKEN", "HF_ENDPOINT");
    }

    @Test
    void theCrsOwnEnvWinsAndTheStepCanBeTurnedOff() {
        JsonNode json = models("""
                env: [{name: HOME, value: /home/router}, {name: HF_TOKEN, valueFrom: {secretKeyRef: {name: mine, key: t}}}]
                models: {downloadBeforeStart: false, huggingFace: {tokenSecretRef: {name: hf, key: k}}}
                """);
        assertThat(json.path("downloadStep").asBoolean()).isFalse();
        assertThat(json.path("env").toString()).isEqualTo("[{\"name\":\"HF_HOME\",\"value\":\"/.cache/huggingface\"}]");
    }

    @Test
    void routersBeforeTheirDownloadModeGetNoStep() {
        assertThat(models("image: {tag: v0.2.0}\n").path("downloadStep").asBoolean()).isFalse();
        assertThat(models("image: {tag: v0.3.0}\n").path("downloadStep").asBoolean()).isTrue();
    }

    @Test
    void theVolumeIsSizedForTheModelsTheConfigNames() {
        JsonNode minimal = models("{}");
        assertThat(minimal.path("directories").toString()).isEqualTo("[\"models/mmbert-embed-32k-2d-matryoshka\"]");
        assertThat(minimal.path("volumeSize").asText()).isEqualTo("5Gi");
        ModelFootprint many = ModelFootprint.of(yaml("""
                a: {model_id: models/mom-jailbreak-classifier, mapping_path: models/mom-jailbreak-classifier/map.json}
                b: [{model_id: models/mom-pii-classifier}, {model_id: models/custom-thing}]
                c: {model_id: models/mom-embedding-pro}
                """), true);
        assertThat(many.directories()).containsExactly("models/custom-thing", "models/mmbert-embed-32k-2d-matryoshka",
                "models/mom-embedding-pro", "models/mom-jailbreak-classifier", "models/mom-pii-classifier");
        // (3 + 3 + 3 + 2 + 2) GiB x 1.5 = 19.5 -> 20Gi
        assertThat(many.volumeSize()).isEqualTo("20Gi");
    }

    private static JsonNode models(String spec) {
        ObjectNode cr = yaml("metadata: {name: r, namespace: ns}\nspec: {}\n");
        cr.set("spec", yaml(spec.isBlank() ? "{}" : spec));
        DiscoveryReport none = new DiscoveryReport(List.of(), List.of());
        return ModelProvisioning.of(cr, RouterConfig.of(cr, none)).toJson();
    }
}
