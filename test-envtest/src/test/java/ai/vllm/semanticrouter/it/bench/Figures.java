package ai.vllm.semanticrouter.it.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Repeated measurements of one figure: min, median, max, and percentiles of the samples.
 *
 * @param goOperator the Go operator's figure for the same row, as quoted ({@link GoOperator}), or "" if it has none
 */
record Figures(String name, String unit, List<Double> samples, double target, boolean lowerIsBetter, String goOperator) {

    static Figures of(String name, String unit, List<Double> samples, double target) {
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        return new Figures(name, unit, List.copyOf(sorted), target, true, "");
    }

    /** The same figures beside the Go operator's (text as quoted, unit included). */
    Figures against(String goOperatorFigure) {
        return new Figures(name, unit, samples, target, lowerIsBetter, goOperatorFigure);
    }

    double min() {
        return samples.get(0);
    }

    double max() {
        return samples.get(samples.size() - 1);
    }

    double median() {
        return percentile(50);
    }

    double percentile(double p) {
        int index = (int) Math.ceil(p / 100.0 * samples.size()) - 1;
        return samples.get(Math.max(0, Math.min(samples.size() - 1, index)));
    }

    /** A target of NaN means "report only". */
    boolean met() {
        return Double.isNaN(target) || median() <= target;
    }

    String row() {
        String targetText = Double.isNaN(target) ? "report" : "≤ " + format(target) + " " + unit;
        return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |", name, format(min()), format(median()),
                format(max()), unit, goOperator, targetText, Double.isNaN(target) ? "—" : met() ? "met" : "missed");
    }

    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? String.format(Locale.ROOT, "%d", (long) value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
