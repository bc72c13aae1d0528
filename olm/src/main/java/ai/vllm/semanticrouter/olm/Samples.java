package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Comparator;
import java.util.List;

/** The sample CRs as the CSV's {@code alm-examples}: the console pre-fills its create form with them. */
public final class Samples {
    private Samples() {
    }

    /**
     * Every SemanticRouter document of the samples, without namespace (the console picks it). The
     * {@code *_simple.yaml} sample comes first: the console pre-fills its create form with the first.
     */
    public static ArrayNode almExamples(CrdFacts crd, List<ApiSources.NamedText> samples) {
        ArrayNode examples = Yaml.array();
        List<ApiSources.NamedText> ordered = samples.stream()
                .sorted(Comparator.comparing((ApiSources.NamedText s) -> !s.name().endsWith("_simple.yaml"))
                        .thenComparing(ApiSources.NamedText::name))
                .toList();
        for (ApiSources.NamedText sample : ordered) {
            for (JsonNode doc : Yaml.documents(sample.text())) {
                if (crd.kind().equals(doc.path("kind").asText())
                        && doc.path("apiVersion").asText().equals(crd.group() + "/" + crd.version())) {
                    ObjectNode example = doc.deepCopy();
                    ((ObjectNode) example.path("metadata")).remove("namespace");
                    examples.add(example);
                }
            }
        }
        return examples;
    }
}
