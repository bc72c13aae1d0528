package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The list and watch protocol against a scripted API server: pages, a watch resumed from the list's
 * version with bookmarks, and "410 Gone" answered by listing again and reporting what was deleted
 * meanwhile.
 */
class TreeInformerTest {
    private static final Kind SERVICE = new Kind("v1", "Service");
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final CountDownLatch stop = new CountDownLatch(1);
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private HttpServer server;
    private KubernetesClient client;
    private TreeInformer informer;
    private int lists;
    private int watches;
    private volatile String failOn = "";

    @AfterEach
    void stopAll() {
        if (informer != null) {
            informer.close();
        }
        stop.countDown();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.stop(0);
        }
        scheduler.shutdownNow();
    }

    @Test
    void listsInPagesWatchesFromTheListAndListsAgainWhenTheVersionIsGone() throws IOException {
        start();

        await().atMost(Duration.ofSeconds(20)).until(() -> watches >= 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() >= 5);

        assertThat(delivered).containsExactly(
                "add team/a 1", "add team/b 2",
                "update team/a 1->6", "add team/c 7",
                "delete team/b 2");
        assertThat(informer.synced()).isTrue();
        assertThat(requests).anyMatch(r -> r.contains("continue=page2"));
        assertThat(requests).anyMatch(r -> r.contains("watch=true") && r.contains("resourceVersion=5")
                && r.contains("allowWatchBookmarks=true") && r.contains("labelSelector=app%3Dx"));
        assertThat(requests).anyMatch(r -> r.contains("watch=true") && r.contains("resourceVersion=10"));
        ObjectNode a = informer.cache().get("team/a");
        assertThat(a.path("kind").asText()).isEqualTo("Service");
        assertThat(a.path("metadata").path("resourceVersion").asText()).isEqualTo("6");
        assertThat(informer.cache().inNamespace("team")).hasSize(2);
        ObjectNode c = informer.cache().get("team/c");
        assertThat(c.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(c.path("metadata").has("managedFields")).isFalse();
    }

    @Test
    void aListenerThatFailsOnOneObjectDoesNotStopTheWatch() throws IOException {
        failOn = "team/c";
        start();

        await().atMost(Duration.ofSeconds(20)).until(() -> watches >= 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> delivered.size() >= 4);

        assertThat(delivered).containsExactly("add team/a 1", "add team/b 2", "update team/a 1->6", "delete team/b 2");
        assertThat(informer.cache().get("team/c")).as("cached though its listener failed").isNotNull();
        assertThat(requests).anyMatch(r -> r.contains("watch=true") && r.contains("resourceVersion=10"));
    }

    @Test
    void aMetadataOnlyWatchAsksForPartialObjectMetadata() throws IOException {
        start(true);

        await().atMost(Duration.ofSeconds(20)).until(() -> watches >= 1);

        assertThat(requests).anyMatch(r -> r.contains("limit=500") && r.contains("as=PartialObjectMetadataList;g=meta.k8s.io;v=v1"));
        assertThat(requests).anyMatch(r -> r.contains("watch=true") && r.contains("as=PartialObjectMetadata;g=meta.k8s.io;v=v1"));
    }

    private void start() throws IOException {
        start(false);
    }

    private void start(boolean metadataOnly) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        client = new KubernetesClientBuilder().withConfig(new ConfigBuilder().withMasterUrl(url).build()).build();
        informer = new TreeInformer(SERVICE, client.getHttpClient(), url + "/api/v1/services", "app=x",
                metadataOnly, new ObjectMapper(), scheduler, this::record, 0);
        informer.start();
    }

    private void record(Kind kind, ObjectNode before, ObjectNode after) {
        if (after != null && TreeCache.key(after).equals(failOn)) {
            throw new IllegalStateException("listener fails on " + failOn);
        }
        if (before == null) {
            delivered.add("add " + TreeCache.key(after) + " " + TreeCache.resourceVersion(after));
        } else if (after == null) {
            delivered.add("delete " + TreeCache.key(before) + " " + TreeCache.resourceVersion(before));
        } else {
            delivered.add("update " + TreeCache.key(after) + " " + TreeCache.resourceVersion(before) + "->"
                    + TreeCache.resourceVersion(after));
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        requests.add(query + " Accept: " + exchange.getRequestHeaders().getFirst("Accept"));
        if (query.contains("watch=true")) {
            watch(exchange, ++watches);
        } else if (query.contains("continue=page2")) {
            send(exchange, "{\"metadata\":{\"resourceVersion\":\"5\"},\"items\":[" + service("b", "2") + "]}");
        } else if (++lists == 1) {
            send(exchange, "{\"metadata\":{\"continue\":\"page2\"},\"items\":[" + service("a", "1") + "]}");
        } else {
            send(exchange, "{\"metadata\":{\"resourceVersion\":\"10\"},\"items\":[" + service("a", "6") + ","
                    + service("c", "7") + "]}");
        }
    }

    private void watch(HttpExchange exchange, int number) throws IOException {
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            if (number == 1) {
                line(body, "{\"type\":\"MODIFIED\",\"object\":" + typed(service("a", "6")) + "}");
                line(body, "{\"type\":\"ADDED\",\"object\":" + typed(service("c", "7")) + "}");
                line(body, "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Service\",\"apiVersion\":\"v1\","
                        + "\"metadata\":{\"resourceVersion\":\"8\"}}}");
                line(body, "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410,"
                        + "\"message\":\"too old resource version\"}}");
            } else {
                stop.await(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void line(OutputStream body, String json) throws IOException {
        body.write((json + "\n").getBytes(StandardCharsets.UTF_8));
        body.flush();
    }

    private static String service(String name, String version) {
        return "{\"metadata\":{\"namespace\":\"team\",\"name\":\"" + name + "\",\"resourceVersion\":\"" + version
                + "\",\"managedFields\":[{\"manager\":\"m\"}]},\"spec\":{\"ports\":[{\"port\":80}]}}";
    }

    private static String typed(String object) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Service\"," + object.substring(1);
    }

    private static void send(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}
