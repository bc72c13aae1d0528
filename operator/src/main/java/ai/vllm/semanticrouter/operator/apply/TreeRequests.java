package ai.vllm.semanticrouter.operator.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Requests whose body is the operator's own tree and whose answer is read back as one: a server-side
 * apply, a status patch, an Event, and reads that need no typed model. Through fabric8's typed operations each went tree → model → JSON,
 * and back JSON → model → tree. Sent on the client's HTTP client, so its authentication, retries of
 * 429/5xx and request metrics apply as to every other request.
 */
public final class TreeRequests {
    static final String APPLY_PATCH = "application/apply-patch+yaml";
    static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String JSON_TYPE = "application/json";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final long timeoutMillis;

    public TreeRequests(KubernetesClient client) {
        this.http = client.getHttpClient();
        this.timeoutMillis = client.getConfiguration().getRequestTimeout();
    }

    /** Sends the patch; returns the object as the server answers it, or throws with the server's message. */
    ObjectNode patch(String url, String contentType, JsonNode body) {
        return send("PATCH", url, contentType, body);
    }

    /** Creates the object; returns it as the server answers it, or throws with the server's message. */
    ObjectNode post(String url, JsonNode body) {
        return send("POST", url, JSON_TYPE, body);
    }

    /** Reads an object or list; {@code accept} e.g. asks for {@code PartialObjectMetadataList}. */
    public ObjectNode get(String url, String accept) {
        return read("GET", url, http.newHttpRequestBuilder().uri(url).header("Accept", accept));
    }

    private ObjectNode send(String method, String url, String contentType, JsonNode body) {
        return read(method, url, http.newHttpRequestBuilder().uri(url).header("Accept", JSON_TYPE)
                .method(method, contentType, body.toString()));
    }

    private ObjectNode read(String method, String url, HttpRequest.Builder request) {
        if (timeoutMillis > 0) {
            request.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
        }
        HttpResponse<byte[]> response = send(method, request.build());
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (!response.isSuccessful()) {
                throw failure(method, url, response.code(), answer.path("message").asText(response.message()));
            }
            return (ObjectNode) answer;
        } catch (IOException | ClassCastException e) {
            throw failure(method, url, response.code(), "unreadable answer: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(String method, HttpRequest request) {
        try {
            return http.sendAsync(request, byte[].class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KubernetesClientException(method + " " + request.uri() + " interrupted", e);
        } catch (ExecutionException e) {
            throw new KubernetesClientException(method + " " + request.uri() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static KubernetesClientException failure(String method, String url, int code, String message) {
        return new KubernetesClientException(method + " " + url + " answered HTTP " + code + ": " + message, code, null);
    }
}
