package ai.vllm.semanticrouter.engine.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The fields of Kubernetes' ObjectMeta, which a CRD's schema leaves out ({@code metadata: {type: object}}):
 * the API server fills them for every object, so compositions may read them from the composite.
 */
final class ObjectMetaSchema {
    static final JsonNode SCHEMA = parse("""
            type: object
            properties:
              name: {type: string}
              generateName: {type: string}
              namespace: {type: string}
              selfLink: {type: string}
              uid: {type: string}
              resourceVersion: {type: string}
              generation: {type: integer}
              creationTimestamp: {type: string}
              deletionTimestamp: {type: string}
              deletionGracePeriodSeconds: {type: integer}
              labels: {type: object, additionalProperties: {type: string}}
              annotations: {type: object, additionalProperties: {type: string}}
              finalizers: {type: array, items: {type: string}}
              ownerReferences:
                type: array
                items:
                  type: object
                  properties:
                    apiVersion: {type: string}
                    kind: {type: string}
                    name: {type: string}
                    uid: {type: string}
                    controller: {type: boolean}
                    blockOwnerDeletion: {type: boolean}
              managedFields: {type: array, items: {type: object, x-kubernetes-preserve-unknown-fields: true}}
            """);

    private ObjectMetaSchema() {
    }

    private static JsonNode parse(String yaml) {
        try {
            return new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
