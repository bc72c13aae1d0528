package ai.vllm.semanticrouter.operator.catalog;

import ai.vllm.semanticrouter.engine.CompositionSource;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.transform.Digests;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Keeps the user compositions of {@code --compositions-dir} current without a restart: polls the
 * directories' content (robust to the symlink swaps of a mounted ConfigMap), and on a change loads
 * them again beside the built-ins. A broken or clashing file is logged with all its errors, counted in
 * {@code semantic_router_operator_compositions_invalid} and reported through {@code onRejected};
 * only it is skipped.
 */
public final class CompositionReloader implements AutoCloseable {
    static final String INVALID_METRIC = "semantic_router_operator_compositions_invalid";
    private static final Logger LOG = LoggerFactory.getLogger(CompositionReloader.class);

    private final List<Path> directories;
    private final Function<List<Path>, CompositionCatalog> loader;
    private final Consumer<CompositionCatalog> onReload;
    private final Consumer<List<LoadError>> onRejected;
    private final AtomicInteger invalidFiles = new AtomicInteger();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "compositions-reload");
        thread.setDaemon(true);
        return thread;
    });
    private String fingerprint;

    /**
     * @param loader     loads the catalog for the directories (built-ins plus user files)
     * @param onReload   receives the new catalog after a change on disk
     * @param onRejected receives the errors of rejected files, at start and after each reload
     */
    public CompositionReloader(List<Path> directories, MeterRegistry registry, Function<List<Path>, CompositionCatalog> loader,
                        Consumer<CompositionCatalog> onReload, Consumer<List<LoadError>> onRejected) {
        this.directories = List.copyOf(directories);
        this.loader = loader;
        this.onReload = onReload;
        this.onRejected = onRejected;
        Gauge.builder(INVALID_METRIC, invalidFiles, AtomicInteger::get)
                .description("User composition files rejected at the last load (file:line errors in the log)")
                .register(registry);
    }

    /** Loads now (the first catalog of the operator) and then re-checks every {@code interval}. */
    public CompositionCatalog start(Duration interval) {
        fingerprint = fingerprint();
        CompositionCatalog catalog = load();
        if (!directories.isEmpty()) {
            timer.scheduleWithFixedDelay(this::checkSafely, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return catalog;
    }

    /** Reloads when a file was added, changed or removed since the last load. */
    synchronized void check() {
        String now = fingerprint();
        if (!now.equals(fingerprint)) {
            fingerprint = now;
            LOG.info("Composition files changed in {}; reloading", directories);
            onReload.accept(load());
        }
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            LOG.warn("Reloading compositions failed, keeping the previous ones: {}", e.getMessage());
        }
    }

    private CompositionCatalog load() {
        CompositionCatalog catalog = loader.apply(directories);
        for (LoadError error : catalog.errors()) {
            LOG.error("Composition rejected: {}", error.format());
        }
        invalidFiles.set((int) catalog.errors().stream().map(LoadError::origin).distinct().count());
        if (!catalog.errors().isEmpty()) {
            onRejected.accept(catalog.errors());
        }
        return catalog;
    }

    private String fingerprint() {
        try {
            MessageDigest digest = Digests.sha256();
            for (Path file : CompositionSource.files(directories)) {
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | RuntimeException e) {
            return "unreadable:" + e.getMessage();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
