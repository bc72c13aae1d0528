package ai.vllm.semanticrouter.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests the operator process sent to the API server, by HTTP method, as it reports them in
 * {@code rest_client_requests_total} on its /metrics (every request, answered or not): the
 * difference of two readings is what a piece of work cost in requests, reads and writes alike.
 */
record RequestCount(Map<String, Double> byMethod) {
    private static final Pattern SAMPLE = Pattern.compile(
            "^rest_client_requests_total\\{([^}]*)}\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern METHOD = Pattern.compile("method=\"([^\"]*)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static RequestCount read(int metricsPort) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build();
        try {
            return parse(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the operator's /metrics on port " + metricsPort, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading /metrics", e);
        }
    }

    static RequestCount parse(String exposition) {
        Map<String, Double> byMethod = new TreeMap<>();
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            Matcher method = METHOD.matcher(sample.group(1));
            if (method.find()) {
                byMethod.merge(method.group(1), Double.parseDouble(sample.group(2)), Double::sum);
            }
        }
        return new RequestCount(Map.copyOf(byMethod));
    }

    double total() {
        return byMethod.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    double method(String method) {
        return byMethod.getOrDefault(method, 0.0);
    }

    /** What was sent since {@code earlier}, per unit of work (e.g. per CR). */
    RequestCount since(RequestCount earlier, double per) {
        Map<String, Double> delta = new TreeMap<>();
        byMethod.forEach((method, count) -> delta.put(method, (count - earlier.method(method)) / per));
        return new RequestCount(Map.copyOf(delta));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("%.2f", total()));
        new TreeMap<>(byMethod).forEach((method, count) -> text.append(String.format(" %s %.2f", method, count)));
        return text.toString();
    }
}
