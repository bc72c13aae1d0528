package ai.vllm.semanticrouter.engine.bench;

import ai.vllm.semanticrouter.engine.CompositionSource;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's inputs, from the test classpath ({@code bench/}): ten composition files shaped like
 * the operator's (10 templates, about 80 patches, one ForEach array build, one YAML serialisation),
 * a SemanticRouter-like composite and an environment with two endpoints.
 */
public record BenchInputs(List<CompositionSource> sources, JsonNode composite, JsonNode environment) {
    private static final List<String> FILES = List.of("01-serviceaccount.yaml", "02-config.yaml", "03-envoy-config.yaml",
            "04-pvc.yaml", "05-deployment.yaml", "06-service.yaml", "07-hpa.yaml", "08-ingress.yaml", "09-route.yaml",
            "10-pdb.yaml");

    /** Reads every input once; the benchmarks only load and render. */
    public static BenchInputs read() {
        List<CompositionSource> sources = new ArrayList<>();
        for (String file : FILES) {
            sources.add(new CompositionSource("bench/compositions/" + file, text("bench/compositions/" + file)));
        }
        YAMLMapper yaml = new YAMLMapper();
        try {
            return new BenchInputs(List.copyOf(sources), yaml.readTree(text("bench/composite.yaml")),
                    yaml.readTree(text("bench/environment.yaml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = BenchInputs.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
