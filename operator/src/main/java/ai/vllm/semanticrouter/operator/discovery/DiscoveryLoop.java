package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.apply.Kind;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.watch.InformerClusterView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Keeps API discovery current: at start, on a fixed interval, and whenever a CustomResourceDefinition
 * changes (when RBAC allows watching them). Logs the platform when it is first detected or changes,
 * and calls back so that newly served kinds get informers.
 */
public final class DiscoveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryLoop.class);
    /** How long after a round that missed served kinds the confirming round runs. */
    static final Duration CONFIRM_DELAY = Duration.ofSeconds(2);
    private static final Kind CUSTOM_RESOURCE_DEFINITION = new Kind("apiextensions.k8s.io/v1", "CustomResourceDefinition");

    private final ApiDiscovery apiDiscovery;
    private final VanishingKinds vanishing = new VanishingKinds();
    private final InformerClusterView view;
    private final BooleanSupplier watchNewKinds;
    private final Runnable onNewKinds;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "api-discovery");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Platform platform;
    private volatile boolean closed;
    private final AtomicBoolean refreshQueued = new AtomicBoolean();

    /**
     * @param watchNewKinds starts informers for served kinds; returns whether any was started
     * @param onNewKinds    called after discovery changed and new informers were started
     */
    public DiscoveryLoop(ApiDiscovery apiDiscovery, InformerClusterView view, BooleanSupplier watchNewKinds,
                  Runnable onNewKinds) {
        this.apiDiscovery = apiDiscovery;
        this.view = view;
        this.watchNewKinds = watchNewKinds;
        this.onNewKinds = onNewKinds;
    }

    /**
     * Runs discovery once now (failures propagate), then keeps it current. The CustomResourceDefinition
     * watch starts in the background: the first reconcile does not need it.
     */
    public void start(Duration interval) {
        refresh();
        timer.execute(() -> watchCustomResourceDefinitions(interval));
        timer.scheduleWithFixedDelay(this::refreshSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public Platform platform() {
        return platform;
    }

    public synchronized void refresh() {
        ServedApis before = view.apis();
        ServedApis apis = vanishing.confirm(before, apiDiscovery.discover(before));
        if (vanishing.awaitingConfirmation() && !closed) {
            LOG.info("API discovery misses {}; keeping them until a second round {} from now confirms it",
                    vanishing.awaiting(), CONFIRM_DELAY);
            timer.schedule(this::refreshSafely, CONFIRM_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
        boolean changed = !apis.equals(before);
        if (changed && !before.resources().isEmpty()) {
            logChange(before, apis);
        }
        view.useApis(apis);
        Platform detected = Platform.detect(view);
        if (detected != platform) {
            platform = detected;
            LOG.info(detected.detectionMessage());
        }
        if (watchNewKinds.getAsBoolean() && changed) {
            onNewKinds.run();
        }
    }

    /** e.g. "API discovery changed: 2 kinds added (gateway.networking.k8s.io/v1 HTTPRoute, ...), 0 removed" */
    private static void logChange(ServedApis before, ServedApis after) {
        List<String> added = after.resources().keySet().stream().filter(k -> !before.serves(k)).map(Kind::toString).sorted().toList();
        List<String> removed = before.resources().keySet().stream().filter(k -> !after.serves(k)).map(Kind::toString).sorted().toList();
        if (!added.isEmpty() || !removed.isEmpty()) {
            LOG.info("API discovery changed: {} kinds added {}, {} removed {}", added.size(), added, removed.size(), removed);
        }
    }

    private void refreshSafely() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("API discovery failed: {}", e.getMessage());
        }
    }

    private void watchCustomResourceDefinitions(Duration interval) {
        try {
            view.onMetadataChanges(CUSTOM_RESOURCE_DEFINITION, this::refreshSoon);
        } catch (RuntimeException e) {
            LOG.info("Not watching CustomResourceDefinitions ({}); API discovery repeats every {}", e.getMessage(), interval);
        }
    }

    /**
     * Queues one refresh unless one is already waiting: the initial list of a cluster with hundreds
     * of CRDs, or a burst of CRD changes, costs one discovery, not one per CRD.
     */
    private void refreshSoon() {
        if (!closed && refreshQueued.compareAndSet(false, true)) {
            timer.execute(() -> {
                refreshQueued.set(false);
                refreshSafely();
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
