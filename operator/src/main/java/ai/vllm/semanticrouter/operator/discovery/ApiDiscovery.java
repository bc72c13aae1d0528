package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.apply.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * API discovery in two requests: the aggregated discovery documents of {@code /api} and {@code /apis}
 * (apidiscovery.k8s.io v2, GA in Kubernetes 1.30; v2beta1 from 1.26), each revalidated with its ETag,
 * so that a periodic round on an unchanged cluster transfers no body. An API server without aggregated
 * discovery answers with the legacy group list; from then on this reads each group version
 * ({@link ServedApis#discover(KubernetesClient, ServedApis)}): one request per group version per round.
 *
 * <p>Not thread-safe: one caller at a time (the start-up thread that primes it, then the discovery
 * loop, whose refresh is synchronized).
 */
public final class ApiDiscovery {
    static final String ACCEPT = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,"
            + "application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";
    private static final String AGGREGATED_TYPE = "as=APIGroupDiscoveryList";
    private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer of the API server to a discovery GET. */
    record Answer(int code, String contentType, String etag, String body) {
    }

    /** Sends {@code GET path} with the aggregated Accept header and, when given, If-None-Match. */
    @FunctionalInterface
    interface Transport {
        Answer get(String path, String etag);
    }

    /** A document as last read, for revalidation. */
    private record Cached(String etag, JsonNode document) {
    }

    private final Transport transport;
    private final UnaryOperator<ServedApis> legacy;
    private final Map<String, Cached> cache = new HashMap<>();
    private boolean aggregated = true;
    private int requests;
    private ServedApis primed;

    public ApiDiscovery(KubernetesClient client) {
        this(httpTransport(client), previous -> ServedApis.discover(client, previous));
    }

    /** @param legacy discovery one group version at a time, for servers without aggregated discovery */
    ApiDiscovery(Transport transport, UnaryOperator<ServedApis> legacy) {
        this.transport = transport;
        this.legacy = legacy;
    }

    /**
     * Runs the first round now and keeps its snapshot for the first {@link #discover} call, so that a
     * start can overlap it with other work.
     */
    public ApiDiscovery prime() {
        primed = discover(null);
        return this;
    }

    /**
     * The served APIs now. Group versions the server marks stale (an aggregated API that is down) keep
     * their kinds from {@code previous}, as {@link ServedApis#discover(KubernetesClient, ServedApis)} does
     * for unreadable ones. A failed request throws; the caller keeps its old snapshot.
     *
     * @param previous the last snapshot, or null at start
     */
    ServedApis discover(ServedApis previous) {
        if (primed != null) {
            ServedApis first = primed;
            primed = null;
            return first;
        }
        ServedApis before = previous == null ? new ServedApis(Set.of(), Map.of()) : previous;
        if (aggregated) {
            Optional<JsonNode> core = document("/api");
            Optional<JsonNode> groups = core.isPresent() ? document("/apis") : Optional.empty();
            if (core.isPresent() && groups.isPresent()) {
                return fromDocuments(List.of(core.get(), groups.get()), before);
            }
            aggregated = false;
            cache.clear();
            LOG.info("The API server has no aggregated discovery; API discovery reads each group version");
        }
        return legacy.apply(before);
    }

    /** Discovery requests sent so far (for tests and the benchmark's request count). */
    int requests() {
        return requests;
    }

    /** The snapshot described by aggregated discovery documents (APIGroupDiscoveryList). */
    static ServedApis fromDocuments(List<JsonNode> documents, ServedApis previous) {
        Set<String> groups = new HashSet<>();
        Map<Kind, ResourceDefinitionContext> resources = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        groups.add("");
        for (JsonNode document : documents) {
            for (JsonNode group : document.path("items")) {
                String name = group.path("metadata").path("name").asText("");
                groups.add(name);
                for (JsonNode version : group.path("versions")) {
                    String groupVersion = name.isEmpty() ? version.path("version").asText()
                            : name + "/" + version.path("version").asText();
                    if ("Stale".equals(version.path("freshness").asText())) {
                        unreadable.add(groupVersion);
                        ServedApis.keepPrevious(groupVersion, previous, resources, "the API server marks it Stale");
                        continue;
                    }
                    ServedApis.noteAnswering(groupVersion, previous);
                    addResources(groupVersion, version.path("resources"), resources);
                }
            }
        }
        return new ServedApis(groups, resources, unreadable);
    }

    private static void addResources(String groupVersion, JsonNode list, Map<Kind, ResourceDefinitionContext> resources) {
        for (JsonNode resource : list) {
            String kind = resource.path("responseKind").path("kind").asText("");
            String plural = resource.path("resource").asText("");
            if (kind.isEmpty() || plural.isEmpty()) {
                continue;
            }
            List<String> verbs = new ArrayList<>();
            resource.path("verbs").forEach(verb -> verbs.add(verb.asText()));
            resources.put(new Kind(groupVersion, kind), ResourceDefinitionContext.fromApiResource(groupVersion,
                    new APIResourceBuilder().withName(plural).withKind(kind)
                            .withNamespaced("Namespaced".equals(resource.path("scope").asText()))
                            .withSingularName(resource.path("singularResource").asText(""))
                            .withVerbs(verbs).build()));
        }
    }

    /** The aggregated document at {@code path}, or empty when the server answered in the legacy format. */
    private Optional<JsonNode> document(String path) {
        Cached cached = cache.get(path);
        requests++;
        Answer answer = transport.get(path, cached == null ? null : cached.etag());
        if (answer.code() == 304 && cached != null) {
            return Optional.of(cached.document());
        }
        if (answer.code() != 200) {
            throw new KubernetesClientException("API discovery GET " + path + " answered HTTP " + answer.code(),
                    answer.code(), null);
        }
        if (answer.contentType() == null || !answer.contentType().contains(AGGREGATED_TYPE)) {
            return Optional.empty();
        }
        try {
            JsonNode document = JSON.readTree(answer.body());
            cache.put(path, new Cached(answer.etag(), document));
            return Optional.of(document);
        } catch (IOException e) {
            throw new UncheckedIOException("API discovery GET " + path + " answered unreadable JSON", e);
        }
    }

    /** GETs through the client's HTTP client (its authentication and TLS), with the aggregated Accept header. */
    static Transport httpTransport(KubernetesClient client) {
        HttpClient http = client.getHttpClient();
        String base = client.getMasterUrl().toString().replaceAll("/+$", "");
        long timeoutMillis = Math.max(10_000, client.getConfiguration().getRequestTimeout());
        return (path, etag) -> {
            HttpRequest.Builder request = http.newHttpRequestBuilder().uri(base + path).header("Accept", ACCEPT);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            try {
                HttpResponse<String> response = http.sendAsync(request.build(), String.class)
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
                return new Answer(response.code(), response.header("Content-Type"), response.header("ETag"), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new KubernetesClientException("API discovery GET " + path + " interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                throw new KubernetesClientException("API discovery GET " + path + " failed: " + cause.getMessage(), cause);
            }
        };
    }
}
