package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.BackendDiscovery;
import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** spec.managementAPI: kept on loopback unless exposed; exposed with bearer tokens from Secrets on v0.4; warned on older routers. */
class ManagementApiTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String ENDPOINT = """
            vllmEndpoints:
              - {name: qwen, model: qwen3-8b, backend: {type: service, service: {name: vllm-qwen, port: 8000}}}
            """;

    private static RouterConfig render(String spec) throws Exception {
        ObjectNode cr = (ObjectNode) YAML.readTree("metadata: {name: r, namespace: ai}\nspec:\n" + (ENDPOINT + spec).indent(2));
        DiscoveryReport discovery = new BackendDiscovery(StaticClusterView.of(List.of())).discover(cr);
        return RouterConfig.of(cr, discovery, BackendTlsPlan.of(cr, Platform.KUBERNETES, discovery));
    }

    @Test
    void notExposedWritesNothingSoV04RoutersKeepTheApiOnLoopback() throws Exception {
        RouterConfig router = render("image: {tag: v0.4.0}\n");
        assertThat(router.document().path("global").path("services").has("management_api")).isFalse();
        assertThat(router.secrets()).isEmpty();
        assertThat(router.findings().warnings()).noneMatch(w -> w.contains("managementAPI"));
    }

    @Test
    void exposedOnV04OpensItWithBearerTokensFromSecretsNeverTheirValues() throws Exception {
        RouterConfig router = render("""
                image: {tag: v0.4.0}
                managementAPI:
                  expose: true
                  tokens:
                    - {secretKeyRef: {name: router-api, key: admin-token}}
                    - {secretKeyRef: {name: router-api, key: viewer-token}, role: viewer}
                """);
        JsonNode api = router.document().path("global").path("services").path("management_api");
        assertThat(api.toString()).isEqualTo("{\"bind_address\":\"0.0.0.0\",\"remote_exposure\":true,\"auth\":{\"mode\":\"bearer\","
                + "\"tokens\":[{\"env\":\"VLLM_SR_MANAGEMENT_TOKEN_0\",\"role\":\"admin\"},"
                + "{\"env\":\"VLLM_SR_MANAGEMENT_TOKEN_1\",\"role\":\"viewer\"}]}}");
        assertThat(router.toJson().path("secretEnv").toString()).isEqualTo("[{\"name\":\"VLLM_SR_MANAGEMENT_TOKEN_0\","
                + "\"valueFrom\":{\"secretKeyRef\":{\"name\":\"router-api\",\"key\":\"admin-token\"}}},"
                + "{\"name\":\"VLLM_SR_MANAGEMENT_TOKEN_1\",\"valueFrom\":{\"secretKeyRef\":{\"name\":\"router-api\",\"key\":\"viewer-token\"}}}]");
        assertThat(router.refused()).isFalse();
    }

    @Test
    void exposedOnV04WithoutATokenIsRefusedNamingTheField() throws Exception {
        RouterConfig router = render("image: {tag: v0.4.0}\nmanagementAPI: {expose: true}\n");
        assertThat(router.refused()).isTrue();
        assertThat(router.findings().refusals()).singleElement().asString().startsWith("spec.managementAPI.tokens: ");
    }

    @Test
    void exposedOnOlderRoutersWarnsThatTheApiHasNoAuthentication() throws Exception {
        for (String tag : List.of("v0.3.0", "v0.2.0")) {
            RouterConfig router = render("image: {tag: " + tag + "}\nmanagementAPI:\n  expose: true\n"
                    + "  tokens: [{secretKeyRef: {name: router-api, key: token}}]\n");
            assertThat(router.findings().warnings()).as(tag).anyMatch(w -> w.startsWith("spec.managementAPI.expose: ")
                    && w.contains("without any authentication"));
            assertThat(router.secrets()).as(tag + ": a token the router cannot use is not mounted").isEmpty();
            assertThat(router.refused()).isFalse();
        }
    }
}
