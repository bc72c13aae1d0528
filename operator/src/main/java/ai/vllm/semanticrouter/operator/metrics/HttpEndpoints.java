package ai.vllm.semanticrouter.operator.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;

/**
 * The operator's HTTP endpoints: Prometheus {@code /metrics} on the metrics port (OpenMetrics for an
 * {@code Accept: application/openmetrics-text}, else the text format 0.0.4), {@code /healthz} and
 * {@code /readyz} on the health port (ready once the caches have synced). Port 0 picks a free port.
 */
public final class HttpEndpoints implements AutoCloseable {
    private final HttpServer metricsServer;
    private final HttpServer healthServer;

    private HttpEndpoints(HttpServer metricsServer, HttpServer healthServer) {
        this.metricsServer = metricsServer;
        this.healthServer = healthServer;
    }

    public static HttpEndpoints start(int metricsPort, int healthPort, OperatorMetrics registry,
                                      BooleanSupplier ready) {
        HttpServer metrics = server(metricsPort);
        metrics.createContext("/metrics", exchange -> {
            OperatorMetrics.Exposition scrape = registry.scrape(exchange.getRequestHeaders().getFirst("Accept"));
            respond(exchange, 200, scrape.body(), scrape.contentType());
        });
        HttpServer health = server(healthPort);
        health.createContext("/healthz", exchange -> respond(exchange, 200, "ok", "text/plain"));
        health.createContext("/readyz", exchange -> {
            boolean ok = ready.getAsBoolean();
            respond(exchange, ok ? 200 : 503, ok ? "ok" : "caches not synced", "text/plain");
        });
        metrics.start();
        health.start();
        return new HttpEndpoints(metrics, health);
    }

    public int metricsPort() {
        return metricsServer.getAddress().getPort();
    }

    public int healthPort() {
        return healthServer.getAddress().getPort();
    }

    @Override
    public void close() {
        metricsServer.stop(0);
        healthServer.stop(0);
    }

    private static HttpServer server(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
            server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "http-" + port);
                thread.setDaemon(true);
                return thread;
            }));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on port " + port, e);
        }
    }

    private static void respond(HttpExchange exchange, int code, String body, String contentType) throws IOException {
        respond(exchange, code, body.getBytes(StandardCharsets.UTF_8), contentType);
    }

    private static void respond(HttpExchange exchange, int code, byte[] bytes, String contentType) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(code, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
