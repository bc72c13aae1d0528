package ai.vllm.semanticrouter.engine.bench;

import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.CompositionSet;
import ai.vllm.semanticrouter.engine.CompositionSource;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.engine.RenderResult;
import ai.vllm.semanticrouter.engine.Renderer;
import ai.vllm.semanticrouter.engine.cel.CelExpression;
import ai.vllm.semanticrouter.engine.path.FieldPath;
import ai.vllm.semanticrouter.engine.path.FieldWriter;
import ai.vllm.semanticrouter.engine.path.WriteMode;
import ai.vllm.semanticrouter.engine.render.Serializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * JMH benchmarks of the engine on the product's own compositions and samples: render of each sample,
 * load + validate, field-path read/write and the YAML serialisation step. The sample {@code engine-bench}
 * is the engine's own set shaped like the product's ({@link BenchInputs}: 10 templates, about 80 patches,
 * one ForEach, one YAML serialisation), which needs nothing outside this module. {@link #main} runs them with
 * the GC profiler (allocation per operation) and writes bench/results/&lt;date&gt;-engine.json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBenchmarks {
    private static final Path COMPOSITIONS = Path.of(System.getProperty("compositions.dir",
            "../compositions/src/main/resources/semanticrouter/compositions"));
    private static final Path GOLDEN = Path.of(System.getProperty("golden.dir", "../compositions/src/test/resources/golden"));

    @Param({"engine-bench", "production-kubernetes", "simple-kubernetes", "gateway-kubernetes", "openshift-openshift"})
    public String sample;

    private List<CompositionSource> sources;
    private CompositionSet set;
    private JsonNode composite;
    private JsonNode environment;
    private final Renderer renderer = Renderer.create().withResourceNameAnnotation("semanticrouter.vllm.ai/resource");
    private final FieldPath readPath = FieldPath.parse("spec.config.semantic_cache.similarity_threshold");
    private final FieldPath writePath = FieldPath.parse("spec.template.metadata.annotations[example.com/hash]");

    @Setup
    public void load() throws IOException {
        if (sample.equals("engine-bench")) {
            BenchInputs inputs = BenchInputs.read();
            sources = inputs.sources();
            composite = inputs.composite();
            environment = inputs.environment();
            set = compile(sources);
            return;
        }
        sources = new ArrayList<>();
        for (String file : Files.readAllLines(COMPOSITIONS.resolve("index.txt"))) {
            if (!file.isBlank()) {
                sources.add(new CompositionSource(file, Files.readString(COMPOSITIONS.resolve(file.trim()))));
            }
        }
        set = compile(sources);
        YAMLMapper yaml = new YAMLMapper();
        composite = yaml.readTree(GOLDEN.resolve(sample).resolve("cr.yaml").toFile());
        environment = yaml.readTree(GOLDEN.resolve(sample).resolve("environment.yaml").toFile());
    }

    private static CompositionSet compile(List<CompositionSource> sources) {
        LoadResult loaded = CompositionLoader.create().load(sources);
        if (!loaded.ok()) {
            throw new IllegalStateException("compositions do not load: " + loaded.errors());
        }
        return loaded.set();
    }

    @Benchmark
    public RenderResult render() {
        return renderer.render(set, composite, environment, Map.of());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Measurement(iterations = 20)
    @Warmup(iterations = 3)
    public LoadResult loadAndValidate() {
        CelExpression.forgetCompiled(); // every CEL text compiled again, as on a first load
        return CompositionLoader.create().load(sources);
    }

    @Benchmark
    public JsonNode fieldPathReadWrite() {
        JsonNode target = composite.deepCopy();
        return FieldWriter.write(target, writePath, readPath.read(composite).orElse(TextNode.valueOf("")), WriteMode.REPLACE);
    }

    @Benchmark
    public String yamlSerialisation() {
        return Serializer.text(composite.path("spec"), "yaml");
    }

    /** Runs every benchmark (or those a command-line regexp names) with -prof gc; other JMH options may be passed. */
    public static void main(String[] args) throws Exception {
        Path results = Path.of(System.getProperty("bench.out", "../bench")).resolve("results");
        Files.createDirectories(results);
        CommandLineOptions commandLine = new CommandLineOptions(args);
        OptionsBuilder options = new OptionsBuilder();
        options.parent(commandLine);
        if (commandLine.getIncludes().isEmpty()) {
            options.include(EngineBenchmarks.class.getSimpleName());
        }
        options.addProfiler(GCProfiler.class).resultFormat(ResultFormatType.JSON)
                .result(results.resolve(LocalDate.now() + "-engine.json").toString());
        new Runner(options.build()).run();
    }
}
