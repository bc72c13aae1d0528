package ai.vllm.semanticrouter.operator.functions.router;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** spec.config.overlay: merged where the operator leaves room, refused where it collides or carries secrets. */
class ConfigOverlayTest {
    private static RouterConfig render(String overlay) throws Exception {
        return RouterConfigTest.render("""
                image: {tag: v0.4.0}
                vllmEndpoints:
                  - {name: a, model: big, backend: {type: service, service: {name: a, port: 80}}}
                config:
                  overlay: %s
                """.formatted(overlay));
    }

    @Test
    void aFragmentTheCrdDoesNotModelIsMergedAndTraced() throws Exception {
        RouterConfig router = render("{global: {router: {streamed_body: {enabled: true, max_bytes: 1048576}}}}");
        assertThat(router.refused()).isFalse();
        assertThat(router.document().path("global").path("router").toString())
                .isEqualTo("{\"clear_route_cache\":true,\"streamed_body\":{\"enabled\":true,\"max_bytes\":1048576}}");
        assertThat(router.trace().origins()).extracting(FeatureTrace.Origin::format)
                .contains("global.router.streamed_body <- spec.config.overlay.global.router.streamed_body");
    }

    @Test
    void aKeyTheOperatorWritesIsRefusedNamingBothPathsAndNothingIsMerged() throws Exception {
        RouterConfig router = render("{global: {router: {clear_route_cache: false, streamed_body: {enabled: true}}}}");
        assertThat(router.findings().refusals()).singleElement().asString().startsWith(
                "spec.config.overlay.global.router.clear_route_cache collides with global.router.clear_route_cache");
        assertThat(router.document().path("global").path("router").has("streamed_body")).isFalse();
    }

    @Test
    void secretsAndUnknownTopLevelKeysAreRefused() throws Exception {
        RouterConfig router = render("{version: v9, global: {services: {management_api: {auth: {tokens: [abc]}}}}}");
        assertThat(router.findings().refusals()).hasSize(2);
        assertThat(router.findings().refusals().get(0)).startsWith("spec.config.overlay.version: not a key");
        assertThat(router.findings().refusals().get(1))
                .startsWith("spec.config.overlay.global.services.management_api.auth.tokens: secrets cannot be set")
                .contains("password_secret_ref").doesNotContain("abc");
    }
}
