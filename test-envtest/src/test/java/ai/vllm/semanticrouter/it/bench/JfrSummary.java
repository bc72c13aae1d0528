package ai.vllm.semanticrouter.it.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the operator's time and allocation go, from a flight recording of a convergence (JFR's
 * execution and allocation samples): each sample goes to the first step below that any frame of
 * its stack belongs to, so a Jackson frame under the apply counts as the apply and under an
 * informer as informer decoding; then the methods with the most samples on top of the stack.
 *
 * <p>{@code java -cp <test classpath> ai.vllm.semanticrouter.it.bench.JfrSummary recording.jfr}. A
 * recording of the operator process: {@code -Dbench.javaOpts=-XX:StartFlightRecording=settings=profile,filename=...}.
 */
public final class JfrSummary {
    /** Steps of a reconcile and of the machinery around it, most specific first: frame prefix → step. */
    private static final Map<String, String> STEPS = steps();

    private JfrSummary() {
    }

    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("ai.vllm.semanticrouter.operator.watch.InformerClusterView.toJson", "cache reads: cached object to JSON");
        steps.put("ai.vllm.semanticrouter.operator.watch.Triggers", "watch event to CR keys");
        steps.put("ai.vllm.semanticrouter.operator.apply.KubernetesClusterWriter.apply", "server-side apply (body, HTTP, answer)");
        steps.put("ai.vllm.semanticrouter.operator.apply.KubernetesClusterWriter.patchStatus", "status write");
        steps.put("ai.vllm.semanticrouter.operator.apply.KubernetesClusterWriter.event", "events");
        steps.put("ai.vllm.semanticrouter.operator.status.", "status computation");
        steps.put("ai.vllm.semanticrouter.operator.controller.ConditionEvents", "status computation");
        steps.put("ai.vllm.semanticrouter.operator.controller.SpecCheck", "spec check against the CRD schema");
        steps.put("ai.vllm.semanticrouter.engine.", "render (engine)");
        steps.put("ai.vllm.semanticrouter.operator.functions.", "environment functions (router config, backends)");
        steps.put("ai.vllm.semanticrouter.operator.apply.", "apply decision, inventory, prune");
        steps.put("org.slf4j.", "logging");
        steps.put("io.fabric8.kubernetes.client.informers.", "informers: watch events decoded, cache");
        steps.put("io.fabric8.kubernetes.client.dsl.internal.", "informers: watch events decoded, cache");
        steps.put("io.vertx.", "HTTP client");
        steps.put("io.netty.", "HTTP client");
        steps.put("okhttp3.", "HTTP client");
        steps.put("okio.", "HTTP client");
        steps.put("jdk.internal.net.http.", "HTTP client");
        steps.put("io.micrometer.", "metrics");
        steps.put("io.prometheus.", "metrics");
        steps.put("ai.vllm.semanticrouter.", "other operator code");
        return steps;
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: JfrSummary recording.jfr");
            System.exit(2);
        }
        Path recording = Path.of(args[0]);
        if (!java.nio.file.Files.isRegularFile(recording)) {
            System.err.println("JfrSummary: no recording at " + recording.toAbsolutePath());
            System.exit(2);
        }
        Map<String, Long> cpuBySteps = new HashMap<>();
        Map<String, Long> cpuByMethod = new HashMap<>();
        Map<String, Long> bytesBySteps = new HashMap<>();
        long cpuSamples = 0;
        long bytes = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (type.equals("jdk.ExecutionSample")) {
                cpuSamples++;
                cpuBySteps.merge(step(event.getStackTrace()), 1L, Long::sum);
                cpuByMethod.merge(top(event.getStackTrace()), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = event.getLong("weight");
                bytes += weight;
                bytesBySteps.merge(step(event.getStackTrace()), weight, Long::sum);
            }
        }
        System.out.printf("%d execution samples, %.1f MB allocated (sampled)%n", cpuSamples, bytes / 1e6);
        System.out.println("| step | CPU samples | allocation |\n|---|---|---|");
        long totalBytes = Math.max(1, bytes);
        long totalSamples = Math.max(1, cpuSamples);
        cpuBySteps.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("| %s | %.1f %% | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / totalSamples,
                        100.0 * bytesBySteps.getOrDefault(e.getKey(), 0L) / totalBytes));
        System.out.println("\nTop of the stack (self time):");
        cpuByMethod.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(25)
                .forEach(e -> System.out.printf("  %5.1f %%  %s%n", 100.0 * e.getValue() / totalSamples, e.getKey()));
    }

    private static String step(RecordedStackTrace stack) {
        if (stack == null) {
            return "no stack";
        }
        List<RecordedFrame> frames = stack.getFrames();
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            for (RecordedFrame frame : frames) {
                if (name(frame).startsWith(step.getKey())) {
                    return step.getValue();
                }
            }
        }
        return "other (JDK, Jackson outside the steps above)";
    }

    private static String top(RecordedStackTrace stack) {
        return stack == null || stack.getFrames().isEmpty() ? "no stack" : name(stack.getFrames().get(0));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }
}
