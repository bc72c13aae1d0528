package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.RenderedResource;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static ai.vllm.semanticrouter.compositions.CompositionRender.ENDPOINT;
import static ai.vllm.semanticrouter.compositions.CompositionRender.object;
import static ai.vllm.semanticrouter.compositions.CompositionRender.pod;
import static ai.vllm.semanticrouter.compositions.CompositionRender.render;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour of single fields, each on a small CR defaulted by the CRD like the API server would: the
 * original operator's behaviour where it was right, and its defects fixed (spec sections 3 and 5).
 */
class BehaviourTest {
    @Test
    void minimalCrRendersAWorkingStandaloneRouter() {
        RenderResult r = render(ENDPOINT);
        assertThat(r.resources()).extracting(RenderedResource::name)
                .containsExactly("serviceaccount", "config", "envoy-config", "deployment", "service");
        JsonNode service = object(r, "service").orElseThrow();
        assertThat(service.at("/spec/ports").toString()).contains("\"port\":50051", "\"port\":8080", "\"port\":9190", "\"port\":8801");
        JsonNode deployment = object(r, "deployment").orElseThrow();
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(pod(r).at("/containers/0/image").asText()).isEqualTo("ghcr.io/vllm-project/semantic-router/extproc:v0.4.0");
        assertThat(pod(r).at("/serviceAccountName").asText()).isEqualTo("r");
        assertThat(pod(r).at("/volumes").toString()).contains("\"models-volume\",\"emptyDir\"");
        assertThat(pod(r).at("/containers/0/startupProbe/tcpSocket/port").asInt()).isEqualTo(50051);
        assertThat(pod(r).at("/containers/0/readinessProbe/tcpSocket/port").asInt()).isEqualTo(50051);
        assertThat(pod(r).at("/containers/0/livenessProbe/tcpSocket/port").asInt()).isEqualTo(50051);
        String config = object(r, "config").orElseThrow().at("/data/config.yaml").asText();
        assertThat(Resources.yaml(config).at("/vllm_endpoints/0/address").asText()).isEqualTo("isvc-predictor.ns.svc.cluster.local");
        assertThat(Resources.yaml(config).at("/model_config/m1/preferred_endpoints/0").asText()).isEqualTo("e1");
        assertThat(Resources.yaml(config).at("/model_config/m1/reasoning_family").asText()).isEqualTo("qwen3");
        assertThat(object(r, "config").orElseThrow().at("/data/tools_db.json").asText()).isEqualTo("[]");
    }

    @Test
    void explicitFalseAndZeroAreHonoured() {
        RenderResult r = render(ENDPOINT + """
                replicas: 0
                serviceAccount: {create: false}
                service: {metrics: {enabled: false}}
                persistence: {enabled: false}
                config:
                  semantic_cache: {enabled: false, ttl_seconds: 0}
                  bert_model: {use_cpu: false}
                """);
        assertThat(object(r, "deployment").orElseThrow().at("/spec/replicas").asInt(-1)).isZero();
        assertThat(object(r, "serviceaccount")).isEmpty();
        assertThat(pod(r).at("/serviceAccountName").asText()).isEqualTo("default");
        assertThat(object(r, "service").orElseThrow().at("/spec/ports").toString()).doesNotContain("metrics");
        assertThat(object(r, "pvc")).isEmpty();
        JsonNode config = Resources.yaml(object(r, "config").orElseThrow().at("/data/config.yaml").asText());
        assertThat(config.at("/semantic_cache/enabled").asBoolean(true)).isFalse();
        assertThat(config.at("/semantic_cache/ttl_seconds").isIntegralNumber()).isTrue();
        assertThat(config.at("/semantic_cache/ttl_seconds").asInt(-1)).isZero();
        assertThat(config.at("/bert_model/use_cpu").asBoolean(true)).isFalse();
        assertThat(config.at("/bert_model/threshold").isNumber()).isTrue();
    }

    @Test
    void persistenceVariants() {
        RenderResult pvc = render(ENDPOINT + "persistence: {size: 5Gi}\n");
        JsonNode claim = object(pvc, "pvc").orElseThrow();
        assertThat(claim.at("/metadata/name").asText()).isEqualTo("r-models");
        assertThat(claim.at("/spec/resources/requests/storage").asText()).isEqualTo("5Gi");
        assertThat(claim.has("storageClassName") || claim.at("/spec").has("storageClassName")).isFalse();
        assertThat(pod(pvc).at("/volumes").toString()).contains("\"claimName\":\"r-models\"");

        RenderResult existing = render(ENDPOINT + "persistence: {existingClaim: shared-models}\n");
        assertThat(object(existing, "pvc")).isEmpty();
        assertThat(pod(existing).at("/volumes").toString()).contains("\"claimName\":\"shared-models\"");

        RenderResult classed = render(ENDPOINT + "persistence: {storageClassName: fast}\n");
        assertThat(object(classed, "pvc").orElseThrow().at("/spec/storageClassName").asText()).isEqualTo("fast");

        RenderResult missingClass = render(ENDPOINT + "persistence: {storageClassName: missing}\n", """
                platform: kubernetes
                gatewayMode: standalone
                endpoints: []
                storage: {pvcAllowed: false}
                """);
        assertThat(object(missingClass, "pvc")).isEmpty();
    }

    @Test
    void autoscalingLeavesReplicasToTheHpa() {
        RenderResult r = render(ENDPOINT + "replicas: 3\nautoscaling: {enabled: true, minReplicas: 2, maxReplicas: 5, targetMemoryUtilizationPercentage: 60}\n");
        assertThat(object(r, "deployment").orElseThrow().at("/spec").has("replicas")).isFalse();
        JsonNode hpa = object(r, "hpa").orElseThrow();
        assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo("r");
        assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
        assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(5);
        // the CRD default CPU target (80) comes first, then memory
        assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(80);
        assertThat(hpa.at("/spec/metrics/1/resource/name").asText()).isEqualTo("memory");
        assertThat(hpa.at("/spec/metrics/1/resource/target/averageUtilization").asInt()).isEqualTo(60);
    }

    @Test
    void probesByDefaultAndTheCrsFieldsWinOneByOne() {
        JsonNode none = pod(render(ENDPOINT)).at("/containers/0");
        assertThat(none.at("/startupProbe").toString()).isEqualTo(
                "{\"tcpSocket\":{\"port\":50051},\"periodSeconds\":10,\"timeoutSeconds\":5,\"failureThreshold\":360}");
        assertThat(none.at("/livenessProbe").toString()).isEqualTo(
                "{\"tcpSocket\":{\"port\":50051},\"periodSeconds\":30,\"timeoutSeconds\":10,\"failureThreshold\":5}");
        assertThat(none.at("/readinessProbe").toString()).isEqualTo(
                "{\"tcpSocket\":{\"port\":50051},\"periodSeconds\":10,\"timeoutSeconds\":5,\"failureThreshold\":3}");

        JsonNode c = pod(render(ENDPOINT + "startupProbe: {failureThreshold: 720}\nlivenessProbe: {enabled: false}\n"
                + "readinessProbe: {periodSeconds: 7, initialDelaySeconds: 3}\n")).at("/containers/0");
        assertThat(c.at("/startupProbe/failureThreshold").asInt()).isEqualTo(720);
        assertThat(c.at("/startupProbe/periodSeconds").asInt()).isEqualTo(10);
        assertThat(c.has("livenessProbe")).isFalse();
        assertThat(c.at("/readinessProbe/periodSeconds").asInt()).isEqualTo(7);
        assertThat(c.at("/readinessProbe/initialDelaySeconds").asInt()).isEqualTo(3);
        assertThat(c.at("/readinessProbe/failureThreshold").asInt()).isEqualTo(3);
    }

    @Test
    void withoutAStartupProbeOnlyAWrittenLivenessProbeIsKept() {
        JsonNode off = pod(render(ENDPOINT + "startupProbe: {enabled: false}\n")).at("/containers/0");
        assertThat(off.has("startupProbe")).isFalse();
        assertThat(off.has("livenessProbe")).as("a default liveness probe would kill a pod still downloading").isFalse();
        assertThat(off.has("readinessProbe")).isTrue();
        JsonNode written = pod(render(ENDPOINT + "startupProbe: {enabled: false}\nlivenessProbe: {initialDelaySeconds: 600}\n"))
                .at("/containers/0");
        assertThat(written.at("/livenessProbe/initialDelaySeconds").asInt()).isEqualTo(600);
    }

    @Test
    void configFilesAreMountedOneByOneSoTheImagesFilesStay() {
        JsonNode mounts = pod(render(ENDPOINT)).at("/containers/0/volumeMounts");
        assertThat(mounts.toString()).doesNotContain("\"mountPath\":\"/app/config\"")
                .contains("{\"name\":\"config-volume\",\"mountPath\":\"/app/config/config.yaml\",\"subPath\":\"config.yaml\",\"readOnly\":true}",
                        "{\"name\":\"config-volume\",\"mountPath\":\"/app/config/tools_db.json\",\"subPath\":\"tools_db.json\",\"readOnly\":true}",
                        "{\"name\":\"cache-volume\",\"mountPath\":\"/tmp\",\"subPath\":\"tmp\"}");
    }

    @Test
    void everyConfigChangeRollsThePodsBecauseSubPathMountsAreNotUpdated() {
        String tools3 = configHash(render(ENDPOINT + "config: {tools: {enabled: true, top_k: 3}}\n"));
        String tools4 = configHash(render(ENDPOINT + "config: {tools: {enabled: true, top_k: 4}}\n"));
        String guard = configHash(render(ENDPOINT + "config: {tools: {enabled: true, top_k: 3}, prompt_guard: {enabled: true}}\n"));
        assertThat(tools3).hasSize(64).isNotEqualTo(tools4).isNotEqualTo(guard);
        assertThat(configHash(render(ENDPOINT + "config: {tools: {enabled: true, top_k: 3}}\n"))).isEqualTo(tools3);
    }

    private static String configHash(RenderResult r) {
        return object(r, "deployment").orElseThrow()
                .at("/spec/template/metadata/annotations/semanticrouter.vllm.ai~1config-hash").asText();
    }

    @Test
    void imageIsTheOneTheOperatorComputedAndPullPolicyTheCrs() {
        assertThat(pod(render(ENDPOINT)).at("/containers/0/image").asText())
                .isEqualTo("ghcr.io/vllm-project/semantic-router/extproc:v0.4.0");
        assertThat(pod(render(ENDPOINT + "image: {pullPolicy: Always}\n"))
                .at("/containers/0/imagePullPolicy").asText()).isEqualTo("Always");
    }

    @Test
    void securityContextsFollowThePlatformUnlessTheCrSetsThem() {
        JsonNode openshift = pod(render(ENDPOINT, """
                platform: openshift
                gatewayMode: standalone
                endpoints: []
                storage: {pvcAllowed: true}
                """));
        assertThat(openshift.at("/securityContext").has("runAsUser")).isFalse();
        assertThat(openshift.at("/securityContext").has("fsGroup")).isFalse();
        assertThat(openshift.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(openshift.at("/containers/0/securityContext").has("runAsUser")).isFalse();
        assertThat(openshift.at("/containers/1/securityContext/capabilities/drop/0").asText()).isEqualTo("ALL");

        JsonNode own = pod(render(ENDPOINT + "podSecurityContext: {runAsUser: 2000}\nsecurityContext: {readOnlyRootFilesystem: true}\n"));
        assertThat(own.at("/securityContext").toString()).isEqualTo("{\"runAsUser\":2000}");
        assertThat(own.at("/containers/0/securityContext").toString()).isEqualTo("{\"readOnlyRootFilesystem\":true}");
        assertThat(own.at("/containers/1/securityContext").toString()).isEqualTo("{\"readOnlyRootFilesystem\":true}");
    }

    @Test
    void podDisruptionBudget() {
        JsonNode pdb = object(render(ENDPOINT + "podDisruptionBudget: {enabled: true}\n"), "pdb").orElseThrow();
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(pdb.at("/spec/selector/matchLabels").toString())
                .isEqualTo("{\"app.kubernetes.io/name\":\"semantic-router\",\"app.kubernetes.io/instance\":\"r\"}");
        JsonNode percent = object(render(ENDPOINT + "podDisruptionBudget: {enabled: true, minAvailable: '50%'}\n"), "pdb").orElseThrow();
        assertThat(percent.at("/spec/minAvailable").asText()).isEqualTo("50%");
        assertThat(percent.at("/spec").has("maxUnavailable")).isFalse();
        assertThat(object(render(ENDPOINT), "pdb")).isEmpty();
    }

    @Test
    void configChangeChangesThePodTemplateHash() {
        String a = object(render(ENDPOINT + "config: {semantic_cache: {max_entries: 10}}\n"), "deployment").orElseThrow()
                .at("/spec/template/metadata/annotations/semanticrouter.vllm.ai~1config-hash").asText();
        String b = object(render(ENDPOINT + "config: {semantic_cache: {max_entries: 11}}\n"), "deployment").orElseThrow()
                .at("/spec/template/metadata/annotations/semanticrouter.vllm.ai~1config-hash").asText();
        assertThat(a).hasSize(64).isNotEqualTo(b);
    }

    @Test
    void envoyConfigSendsKServeTrafficOverTls() {
        String envoy = object(render(ENDPOINT), "envoy-config").orElseThrow().at("/data/envoy.yaml").asText();
        JsonNode doc = Resources.yaml(envoy);
        List<String> clusters = doc.at("/static_resources/clusters").findValuesAsText("name");
        assertThat(clusters).contains("extproc_service", "semantic_router_cluster", "dynamic_forward_proxy_cluster",
                "dynamic_forward_proxy_cluster_tls");
        assertThat(envoy).contains("suffix: \":8443\"", "cluster: dynamic_forward_proxy_cluster_tls", "UpstreamTlsContext");
    }

    @Test
    void canonicalRoutersGetTheFunctionsConfigEnvoyRoutesAndSecretEnv() {
        RenderResult r = render(ENDPOINT, """
                platform: kubernetes
                gatewayMode: standalone
                endpoints:
                  - {name: e1, model: m1, address: isvc-predictor.ns.svc.cluster.local, port: 8443, weight: 1, type: kserve, tls: true}
                storage: {pvcAllowed: true}
                router:
                  dialect: v0.4
                  defaultModel: m1
                  config: {version: v0.3, providers: {models: []}, routing: {}}
                  envoy:
                    routes: [{match: {prefix: /}, route: {cluster: model_m1_cluster}}]
                    clusters: [{name: model_m1_cluster, type: LOGICAL_DNS}]
                  secretEnv: [{name: SR_CACHE_REDIS_PASSWORD, valueFrom: {secretKeyRef: {name: redis-auth, key: password}}}]
                """);
        JsonNode config = object(r, "config").orElseThrow();
        assertThat(config.at("/metadata/annotations/semanticrouter.vllm.ai~1config-dialect").asText()).isEqualTo("v0.4");
        assertThat(Resources.yaml(config.at("/data/config.yaml").asText()))
                .isEqualTo(Resources.yaml("{version: v0.3, providers: {models: []}, routing: {}}"));
        JsonNode envoy = Resources.yaml(object(r, "envoy-config").orElseThrow().at("/data/envoy.yaml").asText());
        assertThat(envoy.at("/static_resources/clusters").findValuesAsText("name"))
                .containsExactly("extproc_service", "semantic_router_cluster", "model_m1_cluster");
        JsonNode routes = envoy.at("/static_resources/listeners/0/filter_chains/0/filters/0/typed_config/route_config/virtual_hosts/0/routes");
        assertThat(routes).hasSize(2);
        assertThat(routes.at("/0/match/path").asText()).as("the model list is the router's").isEqualTo("/v1/models");
        assertThat(routes.at("/0/route/cluster").asText()).isEqualTo("semantic_router_cluster");
        JsonNode deployment = object(r, "deployment").orElseThrow();
        assertThat(deployment.at("/spec/template/spec/containers/0/env").findValuesAsText("name")).contains("SR_CACHE_REDIS_PASSWORD");
        assertThat(deployment.at("/spec/template/metadata/annotations/semanticrouter.vllm.ai~1envoy-config-hash").asText()).hasSize(64);
    }

}
