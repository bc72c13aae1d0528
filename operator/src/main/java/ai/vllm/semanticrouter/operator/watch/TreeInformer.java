package ai.vllm.semanticrouter.operator.watch;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.watch.WatchEventDecoder.WatchEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One kind's list and watch, kept in a {@link TreeCache}: what fabric8's informer did, with each
 * object decoded once, from the API server's bytes straight into the tree the operator reads.
 * fabric8 decodes a watch event into the typed model of its kind, converts that into a generic
 * resource, and the cache converted that into a tree: a quarter of the operator's CPU in a
 * convergence (bench/README.md). Its watches are also WebSockets, a TLS connection each; these are
 * plain streaming GETs, which HTTP/2 carries as streams of the client's one connection.
 *
 * <p>As client-go's reflector: list (in pages), then watch from the list's resourceVersion with
 * bookmarks; a watch that ends is resumed from the last version seen; "410 Gone" (the version is
 * compacted away) lists again and reports what changed meanwhile; failures retry with a doubling
 * delay, 1 s to 30 s. Events are delivered in order, one at a time per kind.
 */
final class TreeInformer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TreeInformer.class);
    private static final int PAGE_SIZE = 500;
    private static final long FIRST_RETRY_MILLIS = 1000;
    private static final long LAST_RETRY_MILLIS = 30_000;
    /** A watch asks the server to end it after 5 to 10 minutes, as client-go does, so that a silently dead stream cannot last. */
    private static final int WATCH_SECONDS = 300;
    private static final int GONE = 410;
    private static final String JSON = "application/json";
    private static final String METADATA_LIST = "application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1," + JSON;
    private static final String METADATA = "application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1," + JSON;

    private final Kind kind;
    private final HttpClient http;
    private final String collection;
    private final String labelSelector;
    private final boolean metadataOnly;
    private final ObjectMapper mapper;
    private final ScheduledExecutorService scheduler;
    private final ObjectChangeListener listener;
    private final TreeCache cache = new TreeCache(Ownership.INSTANCE_LABEL);
    private final long resyncMillis;
    /** Held while the cache changes and the change is delivered: a resync never interleaves with a watch event. */
    private final Object delivery = new Object();
    private volatile boolean synced;
    private volatile boolean closed;
    private volatile String resourceVersion;
    private volatile long retryMillis = FIRST_RETRY_MILLIS;
    private volatile CompletableFuture<?> inFlight;
    private volatile AsyncBody watchBody;
    private volatile ScheduledFuture<?> resync;

    /**
     * @param collection    the URL of the kind's collection, e.g. {@code https://host/apis/apps/v1/deployments}
     * @param labelSelector null for every object
     * @param metadataOnly  lists and watches only the objects' metadata ({@code PartialObjectMetadata}), for
     *                      kinds whose changes matter but whose content does not
     * @param resyncMillis  how often every cached object is delivered again as unchanged, 0 for never
     */
    TreeInformer(Kind kind, HttpClient http, String collection, String labelSelector, boolean metadataOnly,
                 ObjectMapper mapper, ScheduledExecutorService scheduler, ObjectChangeListener listener, long resyncMillis) {
        this.kind = kind;
        this.http = http;
        this.collection = collection;
        this.labelSelector = labelSelector;
        this.metadataOnly = metadataOnly;
        this.mapper = mapper;
        this.scheduler = scheduler;
        this.listener = listener;
        this.resyncMillis = resyncMillis;
    }

    void start() {
        list();
        if (resyncMillis > 0) {
            resync = scheduler.scheduleAtFixedRate(this::resync, resyncMillis, resyncMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the first list has completed: before, an object absent from the cache may well exist. */
    boolean synced() {
        return synced;
    }

    TreeCache cache() {
        return cache;
    }

    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> scheduled = resync;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
        CompletableFuture<?> request = inFlight;
        if (request != null) {
            request.cancel(true);
        }
        AsyncBody body = watchBody;
        if (body != null) {
            body.cancel();
        }
    }

    private void list() {
        listPage(new HashMap<>(), "");
    }

    private void listPage(Map<String, ObjectNode> listed, String continueToken) {
        if (closed) {
            return;
        }
        String query = "?limit=" + PAGE_SIZE + selectorParameter()
                + (continueToken.isEmpty() ? "" : "&continue=" + encode(continueToken));
        HttpRequest request = http.newHttpRequestBuilder().uri(collection + query)
                .header("Accept", metadataOnly ? METADATA_LIST : JSON).timeout(60, TimeUnit.SECONDS).build();
        inFlight = http.sendAsync(request, byte[].class).whenComplete((response, failure) -> {
            try {
                if (failure != null) {
                    retry("list", failure.toString(), this::list);
                } else if (response.code() == GONE && !continueToken.isEmpty()) {
                    list(); // the continue token expired: from the start
                } else if (!response.isSuccessful()) {
                    retry("list", "HTTP " + response.code() + " " + response.message(), this::list);
                } else {
                    listed(listed, response);
                }
            } catch (Exception e) {
                retry("list", e.toString(), this::list);
            }
        });
    }

    private void listed(Map<String, ObjectNode> listed, HttpResponse<byte[]> response) throws java.io.IOException {
        JsonNode page = mapper.readTree(response.body());
        for (JsonNode item : page.path("items")) {
            ObjectNode object = withKind((ObjectNode) item);
            listed.put(TreeCache.key(object), TreeCache.lean(object));
        }
        String next = page.path("metadata").path("continue").asText("");
        if (!next.isEmpty()) {
            listPage(listed, next);
            return;
        }
        replace(listed);
        resourceVersion = page.path("metadata").path("resourceVersion").asText();
        synced = true;
        retryMillis = FIRST_RETRY_MILLIS;
        watch();
    }

    /** List items carry no apiVersion and kind; the cache's trees always do, as watch events' objects. */
    private ObjectNode withKind(ObjectNode item) {
        ObjectNode object = mapper.createObjectNode();
        object.put("apiVersion", kind.apiVersion());
        object.put("kind", kind.kind());
        object.setAll(item);
        return object;
    }

    /** The cache becomes the listed objects; what changed since the last list is delivered. */
    private void replace(Map<String, ObjectNode> listed) {
        synchronized (delivery) {
            replaceHeld(listed);
        }
    }

    private void replaceHeld(Map<String, ObjectNode> listed) {
        for (String key : cache.keys()) {
            if (!listed.containsKey(key)) {
                deliver(cache.remove(key), null);
            }
        }
        for (ObjectNode object : listed.values()) {
            ObjectNode previous = cache.put(object);
            if (previous == null || !TreeCache.resourceVersion(previous).equals(TreeCache.resourceVersion(object))) {
                deliver(previous, object);
            }
        }
    }

    private void watch() {
        if (closed) {
            return;
        }
        int seconds = WATCH_SECONDS + ThreadLocalRandom.current().nextInt(WATCH_SECONDS);
        String query = "?watch=true&allowWatchBookmarks=true&timeoutSeconds=" + seconds
                + "&resourceVersion=" + encode(resourceVersion) + selectorParameter();
        HttpRequest request = http.newHttpRequestBuilder().uri(collection + query)
                .header("Accept", metadataOnly ? METADATA : JSON).forStreaming().build();
        WatchEventDecoder decoder = new WatchEventDecoder(mapper);
        WatchStream stream = new WatchStream();
        CompletableFuture<HttpResponse<AsyncBody>> call = http.consumeBytes(request, (buffers, body) -> {
            for (ByteBuffer buffer : buffers) {
                decoder.feed(buffer, stream::received);
            }
            body.consume();
        });
        inFlight = call;
        call.whenComplete((response, failure) -> {
            if (failure != null) {
                retry("watch", failure.toString(), this::watch);
            } else if (response.code() == GONE) {
                response.body().cancel();
                list();
            } else if (!response.isSuccessful()) {
                response.body().cancel();
                retry("watch", "HTTP " + response.code() + " " + response.message(), this::watch);
            } else {
                watchBody = response.body();
                response.body().done().whenComplete((done, error) -> stream.ended(error));
                response.body().consume();
            }
        });
    }

    /** One watch request's events, and what follows when it ends. */
    private final class WatchStream {
        private volatile boolean gone;
        private volatile boolean failed;

        void received(WatchEvent event) {
            if (closed || gone || failed) {
                return;
            }
            synchronized (delivery) {
                handle(event);
            }
        }

        private void handle(WatchEvent event) {
            ObjectNode object = event.object();
            switch (event.type()) {
                case "ADDED", "MODIFIED" -> {
                    TreeCache.lean(object);
                    deliver(cache.put(object), object);
                }
                case "DELETED" -> {
                    ObjectNode previous = cache.remove(TreeCache.key(object));
                    deliver(previous != null ? previous : TreeCache.lean(object), null);
                }
                case "BOOKMARK" -> { }
                case "ERROR" -> {
                    onError(object);
                    return;
                }
                default -> LOG.warn("Watch of {}: event of unknown type {} ignored", kind, event.type());
            }
            resourceVersion = TreeCache.resourceVersion(object);
        }

        private void onError(ObjectNode status) {
            if (status.path("code").asInt() == GONE) {
                gone = true;
                LOG.info("Watch of {}: resourceVersion {} is gone ({}); listing again", kind, resourceVersion,
                        status.path("message").asText());
            } else {
                failed = true;
                LOG.warn("Watch of {} ended by the API server: {}", kind, status);
            }
            AsyncBody body = watchBody;
            if (body != null) {
                body.cancel();
            }
        }

        void ended(Throwable error) {
            if (closed) {
                return;
            }
            if (gone) {
                list();
            } else if (failed || error != null) {
                retry("watch", failed ? "error event" : error.toString(), TreeInformer.this::watch);
            } else {
                retryMillis = FIRST_RETRY_MILLIS;
                watch(); // the server ended it (timeoutSeconds): resume from the last version seen
            }
        }
    }

    /**
     * Hands one change to the listener. A listener that fails is logged and the watch goes on: the
     * version is still recorded, so one bad object cannot make the watch retry the same event forever.
     */
    private void deliver(ObjectNode before, ObjectNode after) {
        try {
            listener.changed(kind, before, after);
        } catch (RuntimeException e) {
            LOG.warn("Change of {} {} not handled: {}", kind, TreeCache.key(after != null ? after : before), e.toString());
        }
    }

    private void retry(String what, String why, Runnable again) {
        if (closed) {
            return;
        }
        long delay = retryMillis;
        retryMillis = Math.min(delay * 2, LAST_RETRY_MILLIS);
        LOG.warn("{} of {} failed ({}); again in {} ms", what, kind, why, delay);
        scheduler.schedule(again, delay, TimeUnit.MILLISECONDS);
    }

    private void resync() {
        synchronized (delivery) {
            for (ObjectNode object : cache.all()) {
                deliver(object, object);
            }
        }
    }

    private String selectorParameter() {
        return labelSelector == null ? "" : "&labelSelector=" + encode(labelSelector);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

}
