package ai.vllm.semanticrouter.it.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The report's rows for the operator as its own process ({@link ProcessFootprint}): issue 26's
 * targets, and the Go operator's figures beside ours where the issue gives one ({@link GoOperator}).
 */
final class ProcessFigures {
    /** Issue 26: convergence no slower than before it, when it measured ours at 23.9 s (500 CRs). */
    private static final double CONVERGENCE_BEFORE_SECONDS = 23.9;
    /** Issue 26's target for the CPU per CR of each warm update of every router. */
    private static final double WARM_CPU_PER_CR_MILLIS = 7;

    private final List<ProcessFootprint.Round> rounds;
    private final int crs;

    private ProcessFigures(List<ProcessFootprint.Round> rounds, int crs) {
        this.rounds = rounds;
        this.crs = crs;
    }

    /** The rows of the rounds, each round one sample; {@code crs} routers per round, {@code idleSeconds} idle. */
    static List<Figures> of(List<ProcessFootprint.Round> rounds, int crs, int idleSeconds) {
        ProcessFigures figures = new ProcessFigures(rounds, crs);
        List<Figures> rows = new ArrayList<>(figures.firstConvergence(idleSeconds));
        rows.addAll(figures.warm("replicas", ProcessFootprint.Round::replicasUpdate, GoOperator.CPU_PER_CR_REPLICAS_UPDATE));
        rows.addAll(figures.warm("config", ProcessFootprint.Round::configUpdate, GoOperator.CPU_PER_CR_CONFIG_UPDATE));
        return rows;
    }

    private List<Figures> firstConvergence(int idleSeconds) {
        return List.of(
                Figures.of("process: CPU in the first 10 s after start (no CR)", "s",
                        sample(ProcessFootprint.Round::cpuFirst10s), 1.5).against(GoOperator.CPU_FIRST_10_S),
                Figures.of("process: RSS 10 s after start (no CR)", "MiB",
                        sample(ProcessFootprint.Round::rssStartedMiB), 110).against(GoOperator.RSS_STARTED),
                Figures.of("process: " + crs + " CRs in 10 namespaces until all observed", "s",
                        sample(ProcessFootprint.Round::convergeSeconds), CONVERGENCE_BEFORE_SECONDS)
                        .against(GoOperator.CONVERGENCE_500_CRS),
                Figures.of("process: CPU per CR to converge", "ms",
                        sample(ProcessFootprint.Round::cpuPerCrMillis), 14).against(GoOperator.CPU_PER_CR_FIRST_CONVERGENCE),
                Figures.of("process: RSS after " + crs + " CRs, " + idleSeconds + " s idle", "MiB",
                        sample(ProcessFootprint.Round::rssIdleMiB), 150).against(GoOperator.RSS_AFTER_500_CRS_IDLE),
                Figures.of("process: peak RSS (VmHWM)", "MiB", sample(ProcessFootprint.Round::peakRssMiB), Double.NaN),
                Figures.of("process: writes per CR to converge: managed objects", "writes",
                        sample(ProcessFootprint.Round::objectWritesPerCr), 5).against(GoOperator.OBJECT_WRITES_PER_CR),
                Figures.of("process: writes per CR to converge: status", "writes",
                        sample(ProcessFootprint.Round::statusWritesPerCr), 1).against(GoOperator.STATUS_WRITES_PER_CR),
                Figures.of("process: requests per CR to converge (applies, status, Events, reads)", "requests",
                        sample(r -> r.requestsPerCr().total()), Double.NaN),
                Figures.of("process: Events per CR to converge (POST)", "requests",
                        sample(r -> r.requestsPerCr().method("POST")), Double.NaN),
                Figures.of("process: writes in " + idleSeconds + " s idle after convergence", "writes",
                        sample(r -> (double) r.idleWrites()), 0).against(GoOperator.IDLE_WRITES));
    }

    /** The rows of one warm update of all the routers: CPU per CR against its target, the rest reported. */
    private List<Figures> warm(String update, Function<ProcessFootprint.Round, WarmUpdateMeasurement.Result> result,
                               String goCpuPerCr) {
        String ofAll = update + " update of all " + crs + " (warm)";
        return List.of(
                Figures.of("process: " + ofAll + " until all observed and applied", "s",
                        sample(r -> result.apply(r).convergeSeconds()), Double.NaN),
                Figures.of("process: CPU per CR, " + ofAll, "ms",
                        sample(r -> result.apply(r).cpuPerCrMillis()), WARM_CPU_PER_CR_MILLIS).against(goCpuPerCr),
                Figures.of("process: writes per CR, " + ofAll + ": managed objects", "writes",
                        sample(r -> result.apply(r).objectWritesPerCr()), Double.NaN),
                Figures.of("process: writes per CR, " + ofAll + ": status", "writes",
                        sample(r -> result.apply(r).statusWritesPerCr()), Double.NaN),
                Figures.of("process: requests per CR, " + ofAll + " (applies, status, Events, reads)", "requests",
                        sample(r -> result.apply(r).requestsPerCr().total()), Double.NaN));
    }

    private List<Double> sample(ToDoubleFunction<ProcessFootprint.Round> figure) {
        return rounds.stream().map(figure::applyAsDouble).toList();
    }
}
