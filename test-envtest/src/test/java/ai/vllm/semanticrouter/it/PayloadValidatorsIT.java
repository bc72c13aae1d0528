package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.EnvoyValidator;
import ai.vllm.semanticrouter.it.support.RouterConfigValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payload validators themselves, on hand-written inputs (resources payloads/): they accept what
 * their consumer accepts, reject what it rejects, and say why. PayloadConsumersIT relies on them.
 */
class PayloadValidatorsIT {
    private static final RouterConfigValidator ROUTER = RouterConfigValidator.shared();
    private static final EnvoyValidator ENVOY = EnvoyValidator.shared();

    @Test
    void vllmSr040AcceptsAPortableCanonicalConfig() {
        RouterConfigValidator.Result result = ROUTER.validate(payload("router-config-v0.4-valid.yaml"), "v0.4");
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.output()).as(result.describe()).contains("✓ Configuration is valid", "  Default model: granite-3.3-8b");
    }

    @Test
    void vllmSr040RejectsRouterNativeNamesQuotedNumbersAndLegacyKeys() {
        RouterConfigValidator.Result result = ROUTER.validate(payload("router-config-v0.4-invalid.yaml"), "v0.4");
        assertThat(result.ok()).as(result.describe()).isFalse();
        assertThat(String.join("\n", result.output())).as(result.describe())
                .contains("config.bert_model: Additional properties are not allowed")
                .contains("global.stores.response_cache.similarity_threshold: '0.8' is not of type 'number'")
                .contains("providers.defaults.default_model: Additional properties are not allowed");
    }

    @Test
    void theLongLivedVllmSr040SessionAnswersLikeAFreshProcess() {
        for (String file : List.of("router-config-v0.4-valid.yaml", "router-config-v0.4-invalid.yaml")) {
            RouterConfigValidator.Result session = ROUTER.validate(payload(file), "v0.4");
            RouterConfigValidator.Result fresh = ROUTER.validateInOwnProcess(payload(file), "v0.4");
            assertThat(fresh.ok()).as(file + "\n" + fresh.describe()).isEqualTo(session.ok());
            assertThat(withoutPaths(fresh.output())).as(file).isEqualTo(withoutPaths(session.output()));
        }
    }

    @Test
    void vllmSr030AcceptsRouterNativeNamesAndRejectsThePortableProfile() {
        RouterConfigValidator.Result native030 = ROUTER.validate(payload("router-config-v0.3-valid.yaml"), "v0.3");
        assertThat(native030.ok()).as(native030.describe()).isTrue();

        RouterConfigValidator.Result native040 = ROUTER.validate(payload("router-config-v0.3-valid.yaml"), "v0.4");
        assertThat(native040.ok()).as(native040.describe()).isFalse();
        assertThat(String.join("\n", native040.output())).contains("providers.models.0.reasoning_family");

        RouterConfigValidator.Result portable030 = ROUTER.validate(payload("router-config-v0.4-valid.yaml"), "v0.3");
        assertThat(portable030.ok()).as(portable030.describe()).isFalse();
        assertThat(String.join("\n", portable030.output())).contains("description: Field required");
    }

    @Test
    void theFlatCheckTellsTheLegacyFormatFromTheCanonicalOne() {
        RouterConfigValidator.Result flat = ROUTER.validate(payload("router-config-flat.yaml"), "flat");
        assertThat(flat.ok()).as(flat.describe()).isTrue();

        RouterConfigValidator.Result canonical = ROUTER.validate(payload("router-config-v0.4-valid.yaml"), "flat");
        assertThat(canonical.ok()).isFalse();
        assertThat(canonical.output()).contains("neither vllm_endpoints nor bert_model at the top level",
                "top-level 'version' belongs to the canonical v0.3 format",
                "top-level 'routing' belongs to the canonical v0.3 format",
                "top-level 'global' belongs to the canonical v0.3 format");

        RouterConfigValidator.Result flatAsV04 = ROUTER.validate(payload("router-config-flat.yaml"), "v0.4");
        assertThat(flatAsV04.ok()).as(flatAsV04.describe()).isFalse();
    }

    @Test
    void envoyAcceptsTheLegacyBootstrapAndReportsItsListener() {
        EnvoyValidator.Result result = ENVOY.validate(payload("envoy-legacy.yaml"));
        assertThat(result.ok()).as(result.describe()).isTrue();
        assertThat(result.listenerPorts()).containsExactly(8801);
        assertThat(result.clusters()).containsExactly("extproc_service", "semantic_router_cluster",
                "dynamic_forward_proxy_cluster", "dynamic_forward_proxy_cluster_tls");
    }

    @Test
    void envoyRejectsBrokenReferencesAndRulesWithTheirPaths() {
        EnvoyValidator.Result result = ENVOY.validate(payload("envoy-invalid-references.yaml"));
        String filters = "envoy.yaml: static_resources.listeners[0].filter_chains[0].filters[0].typed_config.";
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).as(result.describe()).containsExactlyInAnyOrder(
                "envoy.yaml: static_resources.clusters[0].connect_timeout: value must be greater than 0s",
                "envoy.yaml: static_resources.clusters[0].load_assignment.endpoints[0].lb_endpoints[0].endpoint.address"
                        + ".socket_address.port_value: value must be less than or equal to 65535",
                filters + "route_config.virtual_hosts[0].routes[0].route.cluster: unknown cluster "
                        + "\"model_missing_cluster\" (not in static_resources.clusters)",
                filters + "http_filters[0]: the router filter envoy.filters.http.router is terminal and must be the "
                        + "last HTTP filter",
                filters + "http_filters[1].typed_config.grpc_service.envoy_grpc.cluster_name: gRPC cluster "
                        + "\"extproc_service\" does not speak HTTP/2 (set http2_protocol_options, or "
                        + "typed_extension_protocol_options envoy.extensions.upstreams.http.v3.HttpProtocolOptions "
                        + "explicit_http_config.http2_protocol_options)");
        assertThat(result.listenerPorts()).containsExactly(8801);
    }

    @Test
    void envoyRejectsUnknownFieldsAndTypes() {
        EnvoyValidator.Result result = ENVOY.validate(payload("envoy-unknown-names.yaml"));
        assertThat(result.ok()).isFalse();
        assertThat(result.problems()).as(result.describe()).containsExactlyInAnyOrder(
                "envoy.yaml: static_resources.clusters[0].http2_protocol_option: unknown field "
                        + "\"http2_protocol_option\" in envoy.config.cluster.v3.Cluster",
                "envoy.yaml: static_resources.listeners[0].filter_chains[0].filters[0].typed_config.http_filters[0]"
                        + ".typed_config: unknown type \"type.googleapis.com/envoy.extensions.filters.http.semantic_router"
                        + ".v3.SemanticRouter\" (not an Envoy v1.35 type, or its package is not imported by the validator)");
    }

    @Test
    void aMissingValidatorIsReportedWithWhatToRun() {
        Path nowhere = Path.of("/nonexistent/semantic-router-operator");
        RouterConfigValidator.Result config = RouterConfigValidator.in(nowhere).validate("version: v0.3\n", "v0.4");
        assertThat(config.ok()).isFalse();
        assertThat(config.output()).singleElement().asString()
                .contains("vllm-sr 0.4.0 is not provisioned in " + nowhere.resolve("vllm-sr-0.4.0"))
                .contains("test-envtest/provision/router-validators.sh");
        EnvoyValidator.Result envoy = EnvoyValidator.at(nowhere.resolve("envoy-bootstrap-validator")).validate("{}");
        assertThat(envoy.ok()).isFalse();
        assertThat(envoy.problems()).singleElement().asString().contains("test-envtest/validators/envoy/build.sh");
    }

    private static List<String> withoutPaths(List<String> output) {
        return output.stream().map(l -> l.replaceAll("\\S*router-config\\d*\\.yaml", "<file>")).toList();
    }

    private static String payload(String name) {
        try (InputStream in = PayloadValidatorsIT.class.getResourceAsStream("/payloads/" + name)) {
            assertThat(in).as("test resource payloads/" + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
