package ai.vllm.semanticrouter.operator.runtime;

import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.apply.KubernetesClusterWriter;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.catalog.CompositionCatalog;
import ai.vllm.semanticrouter.operator.catalog.CompositionReloader;
import ai.vllm.semanticrouter.operator.controller.Controller;
import ai.vllm.semanticrouter.operator.controller.Reconciler;
import ai.vllm.semanticrouter.operator.controller.RenderPass;
import ai.vllm.semanticrouter.operator.controller.RouterKey;
import ai.vllm.semanticrouter.operator.discovery.ApiDiscovery;
import ai.vllm.semanticrouter.operator.discovery.DiscoveryLoop;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.leadership.Leadership;
import ai.vllm.semanticrouter.operator.metrics.HttpEndpoints;
import ai.vllm.semanticrouter.operator.metrics.OperatorMetrics;
import ai.vllm.semanticrouter.operator.queue.ExponentialBackoff;
import ai.vllm.semanticrouter.operator.queue.WorkQueue;
import ai.vllm.semanticrouter.operator.watch.InformerClusterView;
import ai.vllm.semanticrouter.operator.watch.OwnWrites;
import ai.vllm.semanticrouter.operator.watch.Triggers;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The running operator: API discovery (kept current), informers, work queue, workers, HTTP endpoints
 * and optional leader election. {@link #start} returns once everything is started; {@link #close} stops it.
 */
public final class OperatorRuntime implements AutoCloseable {
    /** How often {@code --compositions-dir} is checked for changed files. */
    static final java.time.Duration RELOAD_INTERVAL = java.time.Duration.ofSeconds(2);
    /** How long the workers wait for the informer caches before starting anyway (with a warning). */
    static final java.time.Duration CACHE_SYNC_TIMEOUT = java.time.Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(OperatorRuntime.class);

    private final KubernetesClient client;
    private final OperatorOptions options;
    private final OperatorMetrics metrics;
    private final WorkQueue<RouterKey> queue;
    private final InformerClusterView view;
    private final RenderPass renderPass;
    private final Reconciler reconciler;
    private final Controller controller;
    private final DiscoveryLoop discovery;
    private final CompletableFuture<Void> leadershipLost = new CompletableFuture<>();
    private final StartupTimeline timeline = new StartupTimeline();
    private final OwnWrites ownWrites = new OwnWrites(this::onLateTrigger);
    private final Triggers triggers = new Triggers(ownWrites);
    private HttpEndpoints http;
    private Leadership leadership;
    private volatile boolean closing;
    private final CompositionReloader reloader;

    /**
     * Loads the compositions on this thread while {@code connecting} completes, and the first API
     * discovery runs, on others: on a cold JVM these are the slowest steps of a start, and they share
     * nothing.
     */
    private OperatorRuntime(CompletableFuture<KubernetesClient> connecting, OperatorOptions options, OperatorMetrics metrics) {
        this.options = options;
        this.metrics = metrics;
        this.reloader = new CompositionReloader(options.compositionDirs(), metrics.meterRegistry(), CompositionCatalog::load,
                this::onCompositionsReloaded,
                errors -> connecting.thenAccept(connected -> OperatorEvents.compositionsRejected(connected, errors)));
        CompletableFuture<ApiDiscovery> discovering = connecting.thenApplyAsync(
                connected -> new ApiDiscovery(connected).prime(), task -> onStartThread("api-discovery-first", task));
        connecting.thenRun(() -> timeline.finished("client"));
        discovering.thenRun(() -> timeline.finished("first API discovery"));
        CompositionSet compositions = reloader.start(RELOAD_INTERVAL).set();
        timeline.finished("compositions");
        this.client = awaited(connecting);
        ApiDiscovery apiDiscovery = awaited(discovering);
        this.queue = new WorkQueue<>(ExponentialBackoff.controllerRuntimeDefault(), metrics.workQueue());
        this.view = new InformerClusterView(client, options.namespace(), this::onChange);
        metrics.reportConditions(() -> view.readOnlyList(Ownership.CR_API_VERSION, Ownership.CR_KIND, options.namespace()));
        this.renderPass = new RenderPass(compositions, view);
        KubernetesClusterWriter writer = new KubernetesClusterWriter(client,
                kind -> view.apis().resource(kind).orElseThrow(() -> new IllegalStateException(kind + " is not served")),
                options.identity(), Clock.systemUTC(), ownWrites);
        this.reconciler = new Reconciler(view, writer, renderPass, Clock.systemUTC());
        this.controller = new Controller(queue, reconciler::reconcile, metrics.controller());
        this.discovery = new DiscoveryLoop(apiDiscovery, view, this::watchAll, this::enqueueAll);
    }

    /** Starts the operator against the client's cluster, with metrics of its own (the client's requests are not counted). */
    public static OperatorRuntime start(KubernetesClient client, OperatorOptions options) {
        return start(CompletableFuture.completedFuture(client), options, OperatorMetrics.create());
    }

    /**
     * Starts the operator once {@code connecting} yields the client; the compositions load meanwhile.
     * A failure to connect is thrown as is. The client counts its requests in {@code metrics} when it
     * was built through {@code metrics.restClient().instrument(...)}; the runtime closes {@code metrics}.
     */
    public static OperatorRuntime start(CompletableFuture<KubernetesClient> connecting, OperatorOptions options,
                                        OperatorMetrics metrics) {
        OperatorRuntime runtime = new OperatorRuntime(connecting, options, metrics);
        runtime.begin();
        return runtime;
    }

    /** Runs a start-up task on a daemon thread of its own. */
    private static void onStartThread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** The result of a start-up step run beside the composition load; its failure stops the start. */
    private <T> T awaited(CompletableFuture<T> step) {
        try {
            return step.join();
        } catch (CompletionException e) {
            reloader.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }


    /** User compositions changed on disk: render with them, watch any new kind, reconcile every CR. */
    private void onCompositionsReloaded(CompositionCatalog catalog) {
        renderPass.replace(catalog.set());
        watchAll();
        enqueueAll();
    }

    private void begin() {
        discovery.start(options.discoveryInterval());
        timeline.finished("informers started");
        if (options.metricsPort() >= 0 && options.healthPort() >= 0) {
            http = HttpEndpoints.start(options.metricsPort(), options.healthPort(), metrics, this::ready);
        }
        if (options.leaderElection()) {
            // Waiting for the caches must not hold up the elector's thread, which renews the lease.
            leadership = Leadership.start(client, options, metrics.leaderElection(),
                    () -> onStartThread("start-workers", this::startWorkers));
            leadership.lost().thenRun(() -> {
                if (!closing) {
                    leadershipLost.complete(null);
                }
            });
        } else {
            startWorkers();
        }
    }

    /**
     * Starts the reconcile workers once every informer cache has synced (as controller-runtime does):
     * a worker that read a cache still listing would re-apply objects that exist and are right.
     */
    private void startWorkers() {
        long deadline = System.nanoTime() + CACHE_SYNC_TIMEOUT.toNanos();
        while (!view.synced() && !closing) {
            if (System.nanoTime() > deadline) {
                LOG.warn("Informer caches not synced after {}; starting the workers anyway", CACHE_SYNC_TIMEOUT);
                break;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        timeline.finished("informer caches synced");
        controller.start(options.workers());
        LOG.info("Start-up steps finished at: {}", timeline.summary());
    }

    /**
     * Watches the CR, every produced kind (managed objects only, unless the environment functions
     * read that kind too) and every kind the functions read (Services, InferenceServices, StorageClasses).
     */
    private boolean watchAll() {
        boolean started = view.watch(Triggers.CR, null, options.crResync().toMillis());
        List<Kind> read = Triggers.dependencyKinds();
        for (Kind kind : renderPass.producedKinds()) {
            if (!read.contains(kind)) {
                started |= view.watch(kind, Ownership.MANAGED_SELECTOR, 0);
            }
        }
        for (Kind kind : read) {
            started |= view.watch(kind, null, 0);
        }
        return started;
    }

    private void enqueueAll() {
        for (ObjectNode cr : view.readOnlyList(Ownership.CR_API_VERSION, Ownership.CR_KIND, options.namespace())) {
            controller.enqueue(cr.path("metadata").path("namespace").asText(), cr.path("metadata").path("name").asText());
        }
    }

    private void onChange(Kind kind, ObjectNode before, ObjectNode after) {
        for (RouterKey key : triggers.keys(kind, before, after)) {
            queue.add(key);
        }
    }

    /** A managed object's event that was held while its apply was in flight, and was not that apply's echo. */
    private void onLateTrigger(ObjectNode object) {
        Triggers.owner(object).ifPresent(queue::add);
    }

    /** Ready once API discovery ran and every informer has synced. */
    public boolean ready() {
        return discovery.platform() != null && view.synced();
    }

    /** The reconciler, reading the informer caches: callable directly by tests. */
    public Reconciler reconciler() {
        return reconciler;
    }

    public InformerClusterView clusterView() {
        return view;
    }

    public PrometheusMeterRegistry meterRegistry() {
        return metrics.meterRegistry();
    }

    /** Every metric the operator exports on {@code /metrics}. */
    public OperatorMetrics metrics() {
        return metrics;
    }

    /** The platform detected by the last API discovery. */
    public Platform platform() {
        return discovery.platform();
    }

    /** Re-runs API discovery now (normally periodic and on CRD changes). */
    public void refreshDiscovery() {
        discovery.refresh();
    }

    /** The HTTP endpoints (null when disabled), e.g. for their ports when 0 was asked. */
    public HttpEndpoints httpEndpoints() {
        return http;
    }

    /** Completes when leader election is on and this replica lost the lease (not when it is closed). */
    public CompletableFuture<Void> leadershipLost() {
        return leadershipLost;
    }

    @Override
    public void close() {
        closing = true;
        LOG.info("Shutting down");
        discovery.close();
        reloader.close();
        if (leadership != null) {
            leadership.close();
        }
        controller.close();
        view.close();
        if (http != null) {
            http.close();
        }
        metrics.close();
    }
}
