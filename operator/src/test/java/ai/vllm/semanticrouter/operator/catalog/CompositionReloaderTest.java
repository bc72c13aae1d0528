package ai.vllm.semanticrouter.operator.catalog;

import ai.vllm.semanticrouter.engine.LoadError;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompositionReloaderTest {
    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<CompositionCatalog> reloads = new ArrayList<>();
    private final List<List<LoadError>> rejections = new ArrayList<>();

    @Test
    void changedFilesAreReloadedAndBrokenOnesCountedAndSkipped() throws IOException {
        Files.writeString(dir.resolve("a.yaml"), extension("user-a"));
        try (CompositionReloader reloader = new CompositionReloader(List.of(dir), registry, CompositionCatalog::load,
                reloads::add, rejections::add)) {
            CompositionCatalog first = reloader.start(Duration.ofHours(1));
            assertThat(first.set().resourceNames()).contains("user-a", "deployment");
            assertThat(invalid()).isZero();

            reloader.check();
            assertThat(reloads).as("nothing changed, nothing reloaded").isEmpty();

            Files.writeString(dir.resolve("b.yaml"), extension("user-b"));
            Files.writeString(dir.resolve("c.yaml"), "apiVersion: compositions.vllm.ai/v1alpha1\nkind: Composition\n");
            reloader.check();

            assertThat(reloads).hasSize(1);
            assertThat(reloads.get(0).set().resourceNames()).contains("user-a", "user-b");
            assertThat(invalid()).isEqualTo(1);
            assertThat(rejections).singleElement().satisfies(errors ->
                    assertThat(errors).allSatisfy(e -> assertThat(e.origin()).endsWith("c.yaml")));

            Files.delete(dir.resolve("c.yaml"));
            reloader.check();
            assertThat(reloads).hasSize(2);
            assertThat(invalid()).isZero();
        }
    }

    private double invalid() {
        return registry.get(CompositionReloader.INVALID_METRIC).gauge().value();
    }

    private static String extension(String name) {
        return """
                apiVersion: compositions.vllm.ai/v1alpha1
                kind: Composition
                metadata: {name: %s}
                spec:
                  compositeTypeRef: {apiVersion: vllm.ai/v1alpha1, kind: SemanticRouter}
                  resources:
                    - name: %s
                      base: {apiVersion: v1, kind: ConfigMap, data: {a: b}}
                      patches:
                        - {fromFieldPath: metadata.name, toFieldPath: metadata.name}
                """.formatted(name, name);
    }
}
