package ai.vllm.semanticrouter.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field without a type (x-kubernetes-preserve-unknown-fields) that takes a number or a string, as
 * kube-apiserver evaluates it: each value keyword applies only to its own kind (pattern to strings,
 * minimum/maximum to numbers, min/maxProperties to objects, min/maxItems to arrays), and {@code not}
 * refuses what its nested keywords accept.
 */
class UntypedFieldTest {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String CRD = """
            spec:
              versions:
                - name: v1
                  schema:
                    openAPIV3Schema:
                      type: object
                      properties:
                        spec:
                          type: object
                          properties:
                            threshold:
                              x-kubernetes-preserve-unknown-fields: true
                              pattern: '^0(\\.[0-9]+)?$|^1(\\.0+)?$'
                              minimum: 0
                              maximum: 1
                              minProperties: 1
                              maxProperties: 0
                              minItems: 1
                              maxItems: 0
                              not:
                                enum: [true, false]
            """;

    @ParameterizedTest(name = "threshold: {0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "0.6; ",
            "\"0.6\"; ",
            "1; ",
            "0; ",
            "\"1.0\"; ",
            "1.5; should be less than or equal to 1",
            "-0.1; should be greater than or equal to 0",
            "\"1.5\"; should match",
            "true; must not validate the schema (not)",
            "{}; should have at least 1 properties",
            "{a: 1}; must have at most 0",
            "[]; should have at least 1 items",
            "[0.5]; must have at most 0 items"})
    void numbersAndStringsPassTheirOwnChecks(String value, String expected) throws IOException {
        CrdSchema schema = CrdSchema.fromCrd(YAML.readTree(CRD), "v1");
        JsonNode cr = YAML.readTree("spec: {threshold: " + value + "}");
        List<String> messages = schema.validate(cr).stream().map(v -> v.fieldPath() + ": " + v.message()).toList();
        if (expected == null) {
            assertThat(messages).isEmpty();
        } else {
            assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("spec.threshold: ").contains(expected));
        }
    }
}
