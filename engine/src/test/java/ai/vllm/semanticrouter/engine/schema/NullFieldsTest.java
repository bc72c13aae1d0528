package ai.vllm.semanticrouter.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** Fields written with no value (YAML null) are handled as kube-apiserver handles them before validation. */
class NullFieldsTest {
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
                          default: {}
                          properties:
                            serviceAccount:
                              type: object
                              properties:
                                create: {type: boolean, default: true}
                                annotations: {type: object, additionalProperties: {type: string}}
                                name: {type: string, nullable: true}
                            tags:
                              type: array
                              items: {type: string}
                            extra:
                              type: object
                              x-kubernetes-preserve-unknown-fields: true
            """;

    private final CrdSchema schema;

    NullFieldsTest() throws IOException {
        schema = CrdSchema.fromCrd(YAML.readTree(CRD), "v1");
    }

    @Test
    void aNullFieldWithoutDefaultIsDroppedAndOneWithADefaultIsDefaulted() throws IOException {
        JsonNode cr = YAML.readTree("""
                spec:
                  serviceAccount: {annotations: , create: , name: }
                  extra: {anything: }
                """);
        JsonNode admitted = schema.applyDefaults(schema.dropNulls(cr));
        assertThat(admitted.at("/spec/serviceAccount").toString()).isEqualTo("{\"create\":true,\"name\":null}");
        assertThat(admitted.at("/spec/extra").toString()).as("nulls the schema does not describe stay").isEqualTo("{\"anything\":null}");
        assertThat(schema.validate(admitted)).isEmpty();
    }

    @Test
    void aNullSpecGetsItsDefaultAndANullListItemIsStillInvalid() throws IOException {
        assertThat(schema.applyDefaults(schema.dropNulls(YAML.readTree("spec: "))).at("/spec").toString()).isEqualTo("{}");
        JsonNode cr = schema.applyDefaults(schema.dropNulls(YAML.readTree("spec: {tags: [a, null]}")));
        assertThat(schema.validate(cr)).extracting(v -> v.fieldPath() + ": " + v.message())
                .containsExactly("spec.tags[1]: must not be null");
    }
}
