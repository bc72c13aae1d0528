package ai.vllm.semanticrouter.operator.functions.router;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A Route or Ingress asked for in gateway mode is not rendered, and the status says why and what to publish instead. */
class GatewayModeEntriesTest {
    private static final String ENDPOINT = """
            vllmEndpoints:
              - {name: a, model: m, backend: {type: service, service: {name: vllm, port: 8000}}}
            openshift: {routes: {enabled: true}}
            ingress: {enabled: true, hosts: [{host: a.example.com, paths: [{path: /}]}]}
            """;

    @Test
    void gatewayModeNamesTheGatewayAsTheChatEntry() throws Exception {
        RouterConfig router = RouterConfigTest.render(ENDPOINT + "gateway: {existingRef: {name: gw, namespace: infra}}\n");
        assertThat(router.findings().warnings())
                .anyMatch(w -> w.startsWith("spec.openshift.routes.enabled: no Route <cr> is created: chat requests enter "
                        + "through the Gateway infra/gw") && w.contains("spec.managementAPI.expose"))
                .anyMatch(w -> w.startsWith("spec.ingress.enabled: no Ingress is created: chat requests enter through the Gateway infra/gw"));
        assertThat(router.refused()).as("a warning: the rest of the router works").isFalse();
    }

    @Test
    void standaloneRoutesAndIngressesLeadToEnvoyWithoutAWord() throws Exception {
        assertThat(RouterConfigTest.render(ENDPOINT).findings().warnings())
                .noneMatch(w -> w.startsWith("spec.openshift.routes") || w.startsWith("spec.ingress"));
    }
}
