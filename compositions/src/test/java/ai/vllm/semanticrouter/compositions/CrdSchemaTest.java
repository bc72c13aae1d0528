package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.schema.CrdSchema;
import ai.vllm.semanticrouter.engine.schema.SchemaViolation;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Samples and seed examples are valid against the CRD; every invalid case is not (engine.schema). */
class CrdSchemaTest {
    private static final CrdSchema SCHEMA = CrdSchema.fromCrd(Resources.crd(), "v1alpha1");

    static Stream<String> samples() {
        return Resources.SAMPLES.stream();
    }

    @ParameterizedTest(name = "sample {0} is valid")
    @MethodSource("samples")
    void sampleIsValid(String sample) {
        List<SchemaViolation> violations = SCHEMA.validate(SCHEMA.applyDefaults(Resources.sample(sample)));
        assertThat(violations).isEmpty();
    }

    @ParameterizedTest(name = "sample {0} defaults like the API server")
    @MethodSource("samples")
    void defaultsMatchWhatTheApiServerStored(String sample) {
        // golden/<sample>-kubernetes/cr.yaml was read back from kube-apiserver 1.34 after creating the sample
        JsonNode stored = Resources.yamlFile(Resources.TEST_RESOURCES.resolve("golden/" + sample + "-kubernetes/cr.yaml"));
        JsonNode defaulted = SCHEMA.applyDefaults(Resources.sample(sample));
        assertThat(Resources.yaml(Resources.toYaml(defaulted.get("spec"))))
                .isEqualTo(Resources.yaml(Resources.toYaml(stored.get("spec"))));
    }

    static Stream<Path> seedExamples() throws IOException {
        try (Stream<Path> files = Files.list(Resources.TEST_RESOURCES.resolve("seed-examples"))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "seed example {0} is valid")
    @MethodSource("seedExamples")
    void seedExampleIsValid(Path file) {
        JsonNode cr = Resources.yamlFile(file);
        assertThat(SCHEMA.validate(SCHEMA.applyDefaults(cr))).isEmpty();
    }

    /** The seed's "Semantic Router Configuration" reference as written: thresholds and rates are numbers. */
    private static final String SEED_CONFIGURATION_REFERENCE = """
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata:
              name: configuration-reference
            spec:
              config:
                bert_model:
                  model_id: "models/mom-embedding-light"
                  threshold: 0.6
                  use_cpu: true
                semantic_cache:
                  enabled: true
                  backend_type: "memory"
                  similarity_threshold: 0.8
                  max_entries: 1000
                  ttl_seconds: 3600
                  eviction_policy: "fifo"
                tools:
                  enabled: true
                  top_k: 3
                  similarity_threshold: 0.2
                  tools_db_path: "config/tools_db.json"
                  fallback_to_empty: true
                prompt_guard:
                  enabled: true
                  model_id: "models/mom-jailbreak-classifier"
                  threshold: 0.7
                  use_cpu: true
                classifier:
                  category_model:
                    model_id: "models/lora_intent_classifier_bert-base-uncased_model"
                    threshold: 0.6
                    use_cpu: true
                  pii_model:
                    model_id: "models/pii_classifier_modernbert-base_presidio_token_model"
                    threshold: 0.7
                    use_cpu: true
                api:
                  batch_classification:
                    max_batch_size: 100
                    concurrency_threshold: 5
                    max_concurrency: 8
                    metrics:
                      enabled: true
                      detailed_goroutine_tracking: true
                      sample_rate: 1.0
                      duration_buckets: [0.001, 0.005, "0.01", 1, 30]
                observability:
                  tracing:
                    enabled: true
                    sampling:
                      type: "always_on"
                      rate: 1.0
            """;

    /** Every section the newest upstream operator added, in one CR written as a user would. */
    private static final String NEWEST_SECTIONS = """
            apiVersion: vllm.ai/v1alpha1
            kind: SemanticRouter
            metadata:
              name: newest-sections
            spec:
              configDialect: v0.4
              vllmEndpoints:
                - name: e1
                  model: qwen3
                  backend: {type: service, service: {name: vllm, port: 8000}}
                  loras:
                    - {name: sql-expert, description: Writes SQL}
                    - {name: math-expert}
              config:
                embedding_models:
                  mmbert_model_path: models/mom-embedding-ultra
                  use_cpu: true
                  embedding_config:
                    model_type: mmbert
                    target_layer: 22
                    target_dimension: 768
                    min_score_threshold: 0.5
                  endpoint: {base_url: "http://embed:8080/v1", model: e5, api_key_env: EMBED_KEY, timeout_seconds: 5, max_retries: 2, dimensions: 1024}
                response_cache:
                  enabled: true
                  backend_type: redis
                  similarity_threshold: 0.85
                  embedding_model: mmbert
                  hnsw: {use_hnsw: true, hnsw_m: 16}
                  redis:
                    connection:
                      host: redis.cache.svc.cluster.local
                      password_secret_ref: {name: redis-credentials, key: password}
                      tls: {enabled: false}
                    index: {vector_field: {dimension: 768}}
                    development: {verbose_errors: false}
                prompt_guard:
                  protocol: http_classify
                  positive_labels: [INJECTION]
                  on_error: block
                complexity_rules:
                  - name: code-complexity
                    threshold: "0.3"
                    hard: {candidates: [design a distributed database]}
                    easy: {candidates: [print hello world]}
                    composer: {operator: NOT, conditions: [{type: domain, name: medical}]}
                decisions:
                  - name: hard-code
                    priority: 100
                    rules: {operator: AND, conditions: [{type: complexity, name: "code-complexity:hard"}]}
                    modelRefs: [{model: qwen3, lora_name: sql-expert, use_reasoning: true, reasoning_effort: high}]
                    plugins: [{type: system_prompt, configuration: {system_prompt: Think.}}]
                    algorithm: {type: static}
                strategy: priority
                routing:
                  modelCards: [{name: qwen3}]
            """;

    @Test
    void theSeedConfigurationReferenceIsValidWithNumericThresholds() {
        JsonNode cr = Resources.yaml(SEED_CONFIGURATION_REFERENCE);
        assertThat(SCHEMA.validate(SCHEMA.applyDefaults(cr))).isEmpty();
        assertThat(SCHEMA.prune(cr)).isEqualTo(cr);
        JsonNode defaulted = SCHEMA.applyDefaults(cr);
        assertThat(defaulted.at("/spec/config/semantic_cache/similarity_threshold").isNumber()).isTrue();
        assertThat(defaulted.at("/spec/config/semantic_cache/embedding_model").asText()).isEqualTo("mmbert");
    }

    @Test
    void theNewestUpstreamSectionsAreValidAndNothingIsPruned() {
        JsonNode cr = Resources.yaml(NEWEST_SECTIONS);
        assertThat(SCHEMA.validate(SCHEMA.applyDefaults(cr))).isEmpty();
        assertThat(SCHEMA.prune(cr)).isEqualTo(cr);
        JsonNode redis = SCHEMA.applyDefaults(cr).at("/spec/config/response_cache/redis");
        assertThat(redis.at("/connection/port").asInt()).isEqualTo(6379);
        assertThat(redis.at("/development/verbose_errors").asBoolean(true)).as("explicit false is kept").isFalse();
        assertThat(redis.at("/index/vector_field/metric_type").asText()).isEqualTo("COSINE");
    }

    @Test
    void fieldsTheV04FormatLacksAreNotDefaulted() {
        JsonNode cr = Resources.yaml("""
                apiVersion: vllm.ai/v1alpha1
                kind: SemanticRouter
                metadata: {name: milvus}
                spec:
                  config:
                    response_cache:
                      backend_type: milvus
                      milvus: {connection: {host: milvus}, development: {}, performance: {batch: {}}, data_management: {ttl: {}}}
                """);
        JsonNode milvus = SCHEMA.applyDefaults(cr).at("/spec/config/response_cache/milvus");
        assertThat(milvus.at("/connection/port").asInt()).isEqualTo(19530);
        assertThat(milvus.at("/development/auto_create_collection").asBoolean()).isTrue();
        assertThat(milvus.at("/development").has("verbose_errors")).isFalse();
        assertThat(milvus.at("/performance/batch").size()).isZero();
        assertThat(milvus.at("/data_management/ttl").size()).isZero();
    }

    static Stream<Path> invalidCases() throws IOException {
        return ResourceFilesTest.invalidCases();
    }

    @ParameterizedTest(name = "invalid case {0} is rejected")
    @MethodSource("invalidCases")
    void invalidCaseIsRejected(Path file) throws IOException {
        String text = Files.readString(file);
        String field = text.lines().findFirst().orElseThrow().substring("# expect:".length()).split("\\|", 2)[0].trim();
        List<SchemaViolation> violations = SCHEMA.validate(SCHEMA.applyDefaults(Resources.yaml(text)));
        assertThat(violations).as(file.getFileName().toString()).isNotEmpty();
        String lastSegment = field.replaceAll(".*\\.", "").replaceAll("\\[.*", "");
        assertThat(violations).as(file.getFileName().toString())
                .anySatisfy(v -> assertThat(v.fieldPath() + " " + v.message()).contains(lastSegment));
    }
}
