package ai.vllm.semanticrouter.engine.transform;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes resource quantity such as {@code 10Gi}, {@code 500m} or {@code 1e3}. */
record Quantity(String text, BigDecimal value) {
    private static final Pattern SYNTAX = Pattern.compile("^([+-]?[0-9.]+)([eE][+-]?[0-9]+|[KMGTPE]i|[numkMGTPE]|)$");
    private static final Map<String, BigDecimal> SUFFIXES = Map.ofEntries(
            Map.entry("", BigDecimal.ONE), Map.entry("n", new BigDecimal("1e-9")), Map.entry("u", new BigDecimal("1e-6")),
            Map.entry("m", new BigDecimal("1e-3")), Map.entry("k", new BigDecimal("1e3")), Map.entry("M", new BigDecimal("1e6")),
            Map.entry("G", new BigDecimal("1e9")), Map.entry("T", new BigDecimal("1e12")), Map.entry("P", new BigDecimal("1e15")),
            Map.entry("E", new BigDecimal("1e18")), Map.entry("Ki", BigDecimal.valueOf(1L << 10)),
            Map.entry("Mi", BigDecimal.valueOf(1L << 20)), Map.entry("Gi", BigDecimal.valueOf(1L << 30)),
            Map.entry("Ti", BigDecimal.valueOf(1L << 40)), Map.entry("Pi", BigDecimal.valueOf(1L << 50)),
            Map.entry("Ei", BigDecimal.valueOf(1L << 60)));

    static Quantity parse(String text) {
        Matcher matcher = SYNTAX.matcher(text.trim());
        if (!matcher.matches()) {
            throw new TransformException("'" + text + "' is not a quantity (examples: 10Gi, 500m, 1.5)");
        }
        try {
            BigDecimal number = new BigDecimal(matcher.group(1));
            String suffix = matcher.group(2);
            BigDecimal scale = suffix.startsWith("e") || suffix.startsWith("E")
                    ? new BigDecimal("1" + suffix.toLowerCase()) : SUFFIXES.get(suffix);
            return new Quantity(text.trim(), number.multiply(scale));
        } catch (NumberFormatException e) {
            throw new TransformException("'" + text + "' is not a quantity: " + e.getMessage());
        }
    }
}
