package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.RenderResult;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static ai.vllm.semanticrouter.compositions.CompositionRender.ENDPOINT;
import static ai.vllm.semanticrouter.compositions.CompositionRender.OPENSHIFT;
import static ai.vllm.semanticrouter.compositions.CompositionRender.object;
import static ai.vllm.semanticrouter.compositions.CompositionRender.render;
import static org.assertj.core.api.Assertions.assertThat;

/** Where the Route and the Ingress lead: Envoy's port in standalone mode, never the management API unasked; none in gateway mode. */
class PublishedEntriesBehaviourTest {
    @Test
    void routeOnlyOnOpenShift() {
        String spec = ENDPOINT + "openshift: {routes: {enabled: true}}\n";
        assertThat(object(render(spec), "route")).isEmpty();
        JsonNode route = object(render(spec, """
                platform: openshift
                gatewayMode: standalone
                endpoints: []
                storage: {pvcAllowed: true}
                """), "route").orElseThrow();
        assertThat(route.at("/spec").has("host")).isFalse();
        assertThat(route.at("/spec/to/name").asText()).isEqualTo("r");
        assertThat(route.at("/spec/port/targetPort").asText()).as("the chat entry: Envoy, not the management API")
                .isEqualTo("envoy-http");
        assertThat(route.at("/metadata/annotations/haproxy.router.openshift.io~1timeout").asText()).isEqualTo("300s");
        assertThat(route.at("/spec/tls/termination").asText()).isEqualTo("edge");
        assertThat(route.at("/spec/tls/insecureEdgeTerminationPolicy").asText()).isEqualTo("Redirect");
        assertThat(object(render(spec, OPENSHIFT), "route-api")).as("the management API is not published unasked").isEmpty();
    }

    @Test
    void managementApiRouteOnlyWhenExposedOnOpenShift() {
        String spec = ENDPOINT + "openshift: {routes: {enabled: true, hostname: chat.example.com}}\n"
                + "managementAPI: {expose: true, tokens: [{secretKeyRef: {name: s, key: k}}]}\n";
        assertThat(object(render(spec), "route-api")).isEmpty();
        JsonNode api = object(render(spec, OPENSHIFT), "route-api").orElseThrow();
        assertThat(api.at("/metadata/name").asText()).isEqualTo("r-api");
        assertThat(api.at("/spec/port/targetPort").asText()).isEqualTo("api");
        assertThat(api.at("/spec").has("host")).as("the chat Route's host is not shared").isFalse();
    }

    @Test
    void ingressPathTypesAndPorts() {
        JsonNode ingress = object(render(ENDPOINT + """
                ingress:
                  enabled: true
                  className: nginx
                  hosts:
                    - host: a.example.com
                      paths:
                        - {path: /x, pathType: Exact}
                        - {path: /y, pathType: ImplementationSpecific, servicePort: 8801}
                        - {path: /z, servicePort: 8080}
                        - {path: /metrics, servicePort: 9190}
                """), "ingress").orElseThrow();
        assertThat(ingress.at("/spec/ingressClassName").asText()).isEqualTo("nginx");
        JsonNode paths = ingress.at("/spec/rules/0/http/paths");
        assertThat(ingress.at("/spec/rules/0/host").asText()).isEqualTo("a.example.com");
        assertThat(paths.at("/0/pathType").asText()).isEqualTo("Exact");
        assertThat(paths.at("/0/backend/service/name").asText()).isEqualTo("r");
        assertThat(paths.at("/0/backend/service/port").toString()).as("no servicePort: Envoy")
                .isEqualTo("{\"name\":\"envoy-http\"}");
        assertThat(paths.at("/1/pathType").asText()).isEqualTo("Prefix");
        assertThat(paths.at("/1/backend/service/port").toString()).isEqualTo("{\"number\":8801}");
        assertThat(paths.at("/2/backend/service/port").toString()).as("the seed's 8080: the chat entry, so Envoy")
                .isEqualTo("{\"name\":\"envoy-http\"}");
        assertThat(paths.at("/3/backend/service/port").toString()).as("another port as written").isEqualTo("{\"number\":9190}");
    }

    @Test
    void gatewayModePublishesNoRouteOrIngressThatCouldOnlyReachTheManagementApi() {
        String spec = ENDPOINT + """
                gateway: {existingRef: {name: gw, namespace: gw-ns}}
                openshift: {routes: {enabled: true}}
                ingress: {enabled: true, hosts: [{host: a.example.com, paths: [{path: /}]}]}
                """;
        String gatewayOnOpenShift = OPENSHIFT.replace("gatewayMode: standalone", "gatewayMode: gateway-integration");
        RenderResult result = render(spec, gatewayOnOpenShift);
        assertThat(object(result, "route")).as("chat enters through the Gateway; no sidecar to lead to").isEmpty();
        assertThat(object(result, "ingress")).isEmpty();
        assertThat(object(render(spec + "managementAPI: {expose: true, tokens: [{secretKeyRef: {name: s, key: k}}]}\n",
                gatewayOnOpenShift), "route-api")).as("the management API only when exposed").isPresent();
    }

}
