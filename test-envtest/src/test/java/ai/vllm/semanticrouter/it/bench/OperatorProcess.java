package ai.vllm.semanticrouter.it.bench;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The operator as users start it, {@code bin/semantic-router-operator run}, in a process of its own,
 * with its footprint read from the kernel: CPU time (user + system) from {@code /proc/PID/stat},
 * resident memory now and at its peak ({@code VmRSS}, {@code VmHWM}) from {@code /proc/PID/status}.
 * The launcher replaces itself with the JVM ({@code exec}), except on the start that trains the
 * ahead-of-time cache, where the JVM is its child: the figures are always the JVM's.
 */
final class OperatorProcess implements AutoCloseable {
    /** Kernel clock ticks per second, the unit of utime and stime ({@code getconf CLK_TCK}; 100 on Linux). */
    private static final long TICKS_PER_SECOND = 100;

    private final Process launcher;
    private final long startNanos;
    private final File log;
    private final int metricsPort;
    private long jvmPid = -1;

    private OperatorProcess(Process launcher, long startNanos, File log, int metricsPort) {
        this.launcher = launcher;
        this.startNanos = startNanos;
        this.log = log;
        this.metricsPort = metricsPort;
    }

    /**
     * Spawns {@code launcher run} against the kubeconfig, metrics and health on free ports, output to {@code log}.
     * @param environment added to the launcher's environment (e.g. JAVA_OPTS, SEMANTIC_ROUTER_OPERATOR_AOT)
     */
    static OperatorProcess start(Path launcher, Path kubeconfig, Map<String, String> environment, File log) {
        int metricsPort = freePort();
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "run",
                "--metrics-port", String.valueOf(metricsPort), "--health-port", "0")
                .redirectErrorStream(true)
                .redirectOutput(log);
        builder.environment().put("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        try {
            return new OperatorProcess(builder.start(), start, log, metricsPort);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + launcher, e);
        }
    }

    /** The requests the operator has sent so far, from its /metrics. */
    RequestCount requests() {
        return RequestCount.read(metricsPort);
    }

    /** A port nobody listens on now; the operator binds it a moment later (a clash fails the start loudly). */
    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the operator's metrics", e);
        }
    }

    /** When the launcher was spawned (System.nanoTime). */
    long startNanos() {
        return startNanos;
    }

    /** Milliseconds since the launcher was spawned. */
    double elapsedMillis() {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    boolean alive() {
        return launcher.isAlive();
    }

    File log() {
        return log;
    }

    /** CPU seconds (user + system) the JVM has used since it started. */
    double cpuSeconds() {
        String stat = read("stat");
        // Fields after the command name, which is in parentheses and may hold spaces: state is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        long utime = Long.parseLong(fields[11]);
        long stime = Long.parseLong(fields[12]);
        return (utime + stime) / (double) TICKS_PER_SECOND;
    }

    /** Resident memory now, MiB ({@code VmRSS}). */
    double rssMiB() {
        return statusKiB("VmRSS") / 1024.0;
    }

    /** The largest resident memory so far, MiB ({@code VmHWM}). */
    double peakRssMiB() {
        return statusKiB("VmHWM") / 1024.0;
    }

    private long statusKiB(String field) {
        for (String line : read("status").split("\n")) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.substring(field.length() + 1).replace("kB", "").trim());
            }
        }
        throw new IllegalStateException("/proc/" + jvmPid() + "/status has no " + field);
    }

    private String read(String file) {
        Path path = Path.of("/proc", String.valueOf(jvmPid()), file);
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (did the operator exit? its output: " + log + ")", e);
        }
    }

    /** The JVM's process id: the launcher's own once it has exec'd java, or its java child. */
    synchronized long jvmPid() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (jvmPid < 0) {
            Optional<ProcessHandle> jvm = launcher.toHandle().info().command().filter(OperatorProcess::isJava).isPresent()
                    ? Optional.of(launcher.toHandle())
                    : launcher.toHandle().descendants().filter(p -> p.info().command().filter(OperatorProcess::isJava).isPresent())
                            .findFirst();
            if (jvm.isPresent()) {
                jvmPid = jvm.get().pid();
            } else if (System.nanoTime() > deadline || !launcher.isAlive()) {
                throw new IllegalStateException("the launcher started no java process; its output: " + log);
            } else {
                pause();
            }
        }
        return jvmPid;
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking for the operator's JVM", e);
        }
    }

    private static boolean isJava(String command) {
        return command.endsWith("/java") || command.equals("java");
    }

    /** SIGTERM (the operator shuts down and the launcher keeps a new cache), then SIGKILL after 60 s. */
    @Override
    public void close() throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(60, TimeUnit.SECONDS)) {
            launcher.destroyForcibly();
        }
    }
}
