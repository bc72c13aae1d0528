package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake OpenAI-compatible server on a loopback port, plain HTTP or HTTPS: {@code POST
 * /v1/chat/completions} answers a chat completion whose content is the backend's name, and {@code
 * GET /v1/models} lists one model. Every response carries {@value #BACKEND_HEADER}: its name, so a
 * test sees which backend Envoy chose. {@link #requests()} records what arrived.
 */
public final class FakeOpenAiBackend implements AutoCloseable {
    public static final String BACKEND_HEADER = "x-fake-backend";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String name;
    private final HttpServer server;
    private final boolean tls;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /** One request as the backend saw it: method, path, Host, x-selected-model and the body's model. */
    public record Request(String method, String path, String host, String selectedModel, String model) {
    }

    private FakeOpenAiBackend(String name, HttpServer server, boolean tls) {
        this.name = name;
        this.server = server;
        this.tls = tls;
        server.createContext("/", this::handle);
        server.start();
    }

    /** A plain HTTP backend named {@code name}. */
    public static FakeOpenAiBackend http(String name) throws IOException {
        return new FakeOpenAiBackend(name, HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0), false);
    }

    /** An HTTPS backend serving the key and certificate chain of {@code keyStore}'s only key entry. */
    public static FakeOpenAiBackend https(String name, KeyStore keyStore, char[] password) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot serve TLS with the given key store", e);
        }
        return new FakeOpenAiBackend(name, server, true);
    }

    /** An HTTPS backend serving {@code certificate}. */
    public static FakeOpenAiBackend https(String name, TestCertificate certificate) throws IOException {
        return https(name, certificate.keyStore(), certificate.password());
    }

    public String name() {
        return name;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public boolean tls() {
        return tls;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode parsed = body.length == 0 ? JSON.missingNode() : parse(body);
        String model = parsed.path("model").asText("");
        requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("Host"),
                exchange.getRequestHeaders().getFirst(StandInRouter.SELECTED_MODEL_HEADER), model));
        ObjectNode answer = exchange.getRequestURI().getPath().equals("/v1/models") ? models() : completion(model);
        byte[] out = JSON.writeValueAsBytes(answer);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add(BACKEND_HEADER, name);
        exchange.sendResponseHeaders(200, out.length);
        try (var stream = exchange.getResponseBody()) {
            stream.write(out);
        }
    }

    private ObjectNode completion(String model) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", "chatcmpl-" + name).put("object", "chat.completion").put("created", 0).put("model", model);
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", name);
        answer.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
        return answer;
    }

    private ObjectNode models() {
        ObjectNode answer = JSON.createObjectNode().put("object", "list");
        answer.putArray("data").addObject().put("id", name).put("object", "model").put("owned_by", "fake");
        return answer;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }
}
