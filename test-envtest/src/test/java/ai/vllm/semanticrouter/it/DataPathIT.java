package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.FakeOpenAiBackend;
import ai.vllm.semanticrouter.it.support.LoopbackBootstrap;
import ai.vllm.semanticrouter.it.support.OfflineRender;
import ai.vllm.semanticrouter.it.support.RealEnvoy;
import ai.vllm.semanticrouter.it.support.StandInRouter;
import ai.vllm.semanticrouter.it.support.TestCertificate;
import ai.vllm.semanticrouter.operator.functions.tls.TrustSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat traffic through the real Envoy (the sidecar's release) with the bootstrap the operator
 * renders for {@code datapath/cr.yaml}, only its addresses moved to loopback: a stand-in for the
 * router's ext_proc selects the model as the router does, fake OpenAI backends answer with their
 * names. Each model's requests reach that model's backends, weights split traffic, the https
 * backend is reached over verified TLS, a request with no selection takes the default route, and
 * {@code /v1/models} reaches the router's API in the pod. Only 127.0.0.1 is contacted.
 */
class DataPathIT {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, FakeOpenAiBackend> BACKENDS = new LinkedHashMap<>();
    private static final List<String> TABLE = new ArrayList<>();
    @TempDir
    static Path dir;
    private static List<JsonNode> rendered;
    private static LoopbackBootstrap bootstrap;
    private static StandInRouter router;
    private static FakeOpenAiBackend routerApi;
    private static RealEnvoy envoy;

    @BeforeAll
    static void startDataPath() throws Exception {
        JsonNode cr = YAML.readTree(DataPathIT.class.getResource("/datapath/cr.yaml"));
        rendered = OfflineRender.render(cr, "kubernetes", dir);
        String envoyYaml = OfflineRender.find(rendered, "ConfigMap", "datapath-envoy-config").path("data").path("envoy.yaml").asText();
        bootstrap = LoopbackBootstrap.of(envoyYaml);
        for (LoopbackBootstrap.Endpoint endpoint : bootstrap.backendEndpoints()) {
            String name = endpoint.hostname().substring(0, endpoint.hostname().indexOf('.'));
            FakeOpenAiBackend backend;
            if (endpoint.port() == 8443) {
                TestCertificate certificate = TestCertificate.selfSigned(dir, endpoint.hostname().replaceFirst(":\\d+$", ""));
                backend = FakeOpenAiBackend.https(name, certificate);
                bootstrap.podFile(TrustSource.MOUNTED_FILE, certificate.certificatePem());   // the CA bundle the pod mounts
            } else {
                backend = FakeOpenAiBackend.http(name);
            }
            BACKENDS.put(name, backend);
            bootstrap.endpoint(endpoint.cluster(), endpoint.index(), backend.port());
        }
        router = StandInRouter.start(StandInRouter.routerPolicy(bootstrap.clusterBySelectedModel().keySet(), "qwen2.5-7b"));
        routerApi = FakeOpenAiBackend.http("router-api");
        envoy = RealEnvoy.start(bootstrap.extProc(router.port()).routerApi(routerApi.port()).json(), dir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (envoy != null) {
            envoy.close();
        }
        if (router != null) {
            router.close();
        }
        BACKENDS.values().forEach(FakeOpenAiBackend::close);
        if (routerApi != null) {
            routerApi.close();
        }
        System.out.println("data path through Envoy " + RealEnvoy.VERSION + " (request -> expected backend -> seen):\n  "
                + String.join("\n  ", TABLE));
    }

    @Test
    void theSidecarImageIsTheEnvoyUnderTest() {
        JsonNode containers = OfflineRender.find(rendered, "Deployment", "datapath").path("spec").path("template")
                .path("spec").path("containers");
        List<String> images = new ArrayList<>();
        containers.forEach(c -> images.add(c.path("image").asText()));
        assertThat(images).contains("envoyproxy/envoy:v" + RealEnvoy.VERSION);
    }

    @Test
    void eachModelReachesItsOwnBackends() throws Exception {
        assertThat(chat("llama3-8b", Set.of("vllm-llama-a", "vllm-llama-b"))).isIn("vllm-llama-a", "vllm-llama-b");
        assertThat(chat("qwen2.5-7b", Set.of("qwen-predictor"))).isEqualTo("qwen-predictor");
        assertThat(chat("qwen-sql", Set.of("qwen-predictor"))).as("a LoRA goes to its base model's backend")
                .isEqualTo("qwen-predictor");
        assertThat(chat("MoM", Set.of("qwen-predictor"))).as("auto routing: the router's choice").isEqualTo("qwen-predictor");
        FakeOpenAiBackend.Request seen = last(BACKENDS.get("qwen-predictor"));
        assertThat(seen.selectedModel()).isEqualTo("qwen2.5-7b");
        assertThat(seen.host()).as("Host rewritten to the backend").isEqualTo("qwen-predictor.default.svc.cluster.local:8443");
    }

    @Test
    void weightsSplitAModelsTrafficWithinTolerance() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        int requests = 80;
        for (int i = 0; i < requests; i++) {
            counts.merge(send(chatRequest("llama3-8b")).headers().firstValue(FakeOpenAiBackend.BACKEND_HEADER).orElse("none"),
                    1, Integer::sum);
        }
        TABLE.add(requests + " x llama3-8b -> vllm-llama-a:vllm-llama-b 3:1 -> " + counts);
        assertThat(counts.keySet()).containsOnly("vllm-llama-a", "vllm-llama-b");
        assertThat(counts.get("vllm-llama-a")).as("weight 3 of 4: 60 of 80, give or take 8").isBetween(52, 68);
    }

    @Test
    void theHttpsBackendIsReachedOverTls() throws Exception {
        assertThat(BACKENDS.get("qwen-predictor").tls()).isTrue();
        assertThat(chat("qwen2.5-7b", Set.of("qwen-predictor"))).isEqualTo("qwen-predictor");
        String cluster = bootstrap.clusterBySelectedModel().get("qwen2.5-7b");
        assertThat(envoy.stat("cluster." + cluster + ".ssl.handshake")).as("TLS handshakes to " + cluster).isPositive();
    }

    @Test
    void aRequestWithNoRoutableModelTakesTheDefaultRoute() throws Exception {
        String backend = chat("no-such-model", Set.of("vllm-llama-a", "vllm-llama-b"));
        assertThat(backend).as("the default model llama3-8b").isIn("vllm-llama-a", "vllm-llama-b");
        assertThat(last(BACKENDS.get(backend)).selectedModel()).as("the stand-in selected nothing").isNull();
    }

    @Test
    void theModelListReachesTheRouterApiInThePod() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(envoy.listenerUri("/v1/models")).GET().build());
        String seen = response.headers().firstValue(FakeOpenAiBackend.BACKEND_HEADER).orElse("status " + response.statusCode());
        TABLE.add("GET /v1/models -> router-api (8080 in the pod) -> " + seen);
        assertThat(seen).isEqualTo("router-api");
        assertThat(last(routerApi).path()).isEqualTo("/v1/models");
    }

    /** Sends a chat request for {@code model}; records and returns the backend that answered. */
    private static String chat(String model, Set<String> expected) throws Exception {
        HttpResponse<String> response = send(chatRequest(model));
        String seen = response.headers().firstValue(FakeOpenAiBackend.BACKEND_HEADER).orElse("status " + response.statusCode());
        TABLE.add("POST /v1/chat/completions model=" + model + " -> " + String.join(" or ", new java.util.TreeSet<>(expected))
                + " -> " + seen);
        assertThat(response.statusCode()).as("status of the request for " + model + "; Envoy's log:\n" + envoy.log())
                .isEqualTo(200);
        return seen;
    }

    private static HttpRequest chatRequest(String model) {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}";
        return HttpRequest.newBuilder(envoy.listenerUri("/v1/chat/completions")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static FakeOpenAiBackend.Request last(FakeOpenAiBackend backend) {
        List<FakeOpenAiBackend.Request> requests = backend.requests();
        assertThat(requests).as(backend.name() + " got requests").isNotEmpty();
        return requests.get(requests.size() - 1);
    }
}
