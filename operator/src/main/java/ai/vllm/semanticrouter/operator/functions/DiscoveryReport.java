package ai.vllm.semanticrouter.operator.functions;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of discovering every backend of one CR, in {@code spec.vllmEndpoints} order. An
 * explicit Service backend that could not be checked is in both lists: configured, and reported.
 */
public record DiscoveryReport(List<ResolvedEndpoint> resolved, List<DiscoveryFailure> failures) {

    public DiscoveryReport {
        resolved = List.copyOf(resolved);
        failures = List.copyOf(failures);
    }

    public boolean complete() {
        return failures.isEmpty();
    }

    public int configured() {
        return (int) java.util.stream.Stream.concat(resolved.stream().map(ResolvedEndpoint::spec),
                failures.stream().map(DiscoveryFailure::spec)).distinct().count();
    }

    /** One human sentence naming every failed backend and what was looked for. */
    public String failureMessage() {
        return failures.stream().map(DiscoveryFailure::describe).collect(Collectors.joining("; "));
    }
}
