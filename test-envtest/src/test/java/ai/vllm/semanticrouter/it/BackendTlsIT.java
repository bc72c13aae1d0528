package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.FakeOpenAiBackend;
import ai.vllm.semanticrouter.it.support.LoopbackBootstrap;
import ai.vllm.semanticrouter.it.support.RealEnvoy;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.it.support.StandInRouter;
import ai.vllm.semanticrouter.it.support.TestCertificate;
import ai.vllm.semanticrouter.operator.functions.tls.TrustSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static ai.vllm.semanticrouter.it.support.Routers.condition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Backend TLS through the real Envoy, with the bootstrap the running operator applied for
 * {@code backend-tls/cr.yaml} (only addresses moved to loopback, and the CA bundle the pod mounts to
 * a local file): a backend whose certificate the configured CA signs is reached; one signed by
 * another CA, and one signed by the right CA for another host, are refused (the request fails and
 * nothing reaches them); the backend with the CR's opt-out is reached, and BackendTLSVerified=False
 * names it. Certificates are made in the test by keytool; only 127.0.0.1 is contacted.
 */
class BackendTlsIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, FakeOpenAiBackend> BACKENDS = new HashMap<>();
    @TempDir
    static Path dir;
    private static GenericKubernetesResource router;
    private static LoopbackBootstrap bootstrap;
    private static StandInRouter extProc;
    private static RealEnvoy envoy;

    @BeforeAll
    static void startDataPath() throws Exception {
        Routers routers = new Routers(CLIENT);
        String namespace = API.newNamespace("backend-tls");
        routers.createWithPrerequisites(routers.fromResource("backend-tls/cr.yaml", namespace));
        router = awaitTlsCondition(routers, namespace);
        ConfigMap envoyConfig = CLIENT.configMaps().inNamespace(namespace).withName("tls-datapath-envoy-config").get();
        bootstrap = LoopbackBootstrap.of(envoyConfig.getData().get("envoy.yaml"));

        TestCertificate trustedCa = TestCertificate.authority(dir, "trusted");
        TestCertificate otherCa = TestCertificate.authority(dir, "other");
        bootstrap.podFile(TrustSource.MOUNTED_FILE, trustedCa.certificatePem());
        String suffix = "." + namespace + ".svc.cluster.local";
        serve("trusted", TestCertificate.signedBy(trustedCa, dir, "trusted-predictor" + suffix));
        serve("rogue", TestCertificate.signedBy(otherCa, dir, "rogue-vllm" + suffix));
        serve("misnamed", TestCertificate.signedBy(trustedCa, dir, "someone-else" + suffix));
        serve("optout", TestCertificate.signedBy(otherCa, dir, "optout-vllm" + suffix));
        extProc = StandInRouter.start(StandInRouter.routerPolicy(bootstrap.clusterBySelectedModel().keySet(), "trusted-model"));
        envoy = RealEnvoy.start(bootstrap.extProc(extProc.port()).routerApi(LoopbackBootstrap.freePort()).json(), dir);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (envoy != null) {
            envoy.close();
        }
        if (extProc != null) {
            extProc.close();
        }
        BACKENDS.values().forEach(FakeOpenAiBackend::close);
    }

    @Test
    void aBackendWhoseCertificateTheConfiguredCaSignsIsReached() throws Exception {
        HttpResponse<String> response = chat("trusted-model");
        assertThat(response.statusCode()).as("Envoy's log:\n" + envoy.log()).isEqualTo(200);
        assertThat(response.headers().firstValue(FakeOpenAiBackend.BACKEND_HEADER)).contains("trusted");
        assertThat(envoy.stat("cluster." + cluster("trusted-model") + ".ssl.handshake")).isPositive();
    }

    @Test
    void aBackendWhoseCertificateAnotherCaSignsIsRefusedAndGetsNothing() throws Exception {
        HttpResponse<String> response = chat("rogue-model");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(BACKENDS.get("rogue").requests()).as("requests that reached the rogue backend").isEmpty();
        assertThat(envoy.stat("cluster." + cluster("rogue-model") + ".ssl.fail_verify_error")).isPositive();
    }

    @Test
    void aCertificateOfTheRightCaForAnotherHostIsRefused() throws Exception {
        HttpResponse<String> response = chat("misnamed-model");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(BACKENDS.get("misnamed").requests()).isEmpty();
        assertThat(envoy.stat("cluster." + cluster("misnamed-model") + ".ssl.fail_verify_san")).isPositive();
    }

    @Test
    void theOptOutIsReachedAndNamedInTheStatus() throws Exception {
        HttpResponse<String> response = chat("optout-model");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(BACKENDS.get("optout").requests()).hasSize(1);
        Map<String, Object> verified = condition(router, "BackendTLSVerified");
        assertThat(verified).containsEntry("status", "False").containsEntry("reason", "VerificationDisabled");
        assertThat((String) verified.get("message"))
                .contains("optout (optout-vllm." + router.getMetadata().getNamespace() + ".svc.cluster.local:8443, "
                        + "spec.vllmEndpoints[3].tls.verify is false)")
                .contains("trusted (trusted-predictor.").contains("rogue (").contains("misnamed (")
                .contains("ConfigMap backend-ca (key ca.crt)");
    }

    private static GenericKubernetesResource awaitTlsCondition(Routers routers, String namespace) {
        await("BackendTLSVerified on " + namespace + "/tls-datapath").atMost(Routers.RECONCILE_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !condition(routers.get(namespace, "tls-datapath"), "BackendTLSVerified").isEmpty());
        return routers.get(namespace, "tls-datapath");
    }

    private static void serve(String name, TestCertificate certificate) throws Exception {
        FakeOpenAiBackend backend = FakeOpenAiBackend.https(name, certificate);
        BACKENDS.put(name, backend);
        bootstrap.endpoint(cluster(name + "-model"), 0, backend.port());
    }

    private static String cluster(String model) {
        return bootstrap.clusterBySelectedModel().get(model);
    }

    private static HttpResponse<String> chat(String model) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"secret prompt\"}]}";
        return HTTP.send(HttpRequest.newBuilder(envoy.listenerUri("/v1/chat/completions")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
