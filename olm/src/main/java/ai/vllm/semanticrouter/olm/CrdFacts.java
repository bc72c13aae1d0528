package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** What the bundle needs to know about the CRD: names, storage version, schema. */
public record CrdFacts(String name, String group, String kind, String plural, String version, String displayName,
                       String description, JsonNode schema) {

    public static CrdFacts of(String crdText) {
        List<JsonNode> docs = Yaml.documents(crdText);
        if (docs.size() != 1 || !"CustomResourceDefinition".equals(docs.get(0).path("kind").asText())) {
            throw new IllegalStateException("the CRD file must hold exactly one CustomResourceDefinition");
        }
        JsonNode crd = docs.get(0);
        JsonNode spec = crd.path("spec");
        JsonNode storage = null;
        for (JsonNode version : spec.path("versions")) {
            if (version.path("storage").asBoolean(false)) {
                storage = version;
            }
        }
        if (storage == null) {
            throw new IllegalStateException("the CRD has no storage version");
        }
        JsonNode schema = storage.path("schema").path("openAPIV3Schema");
        String kind = spec.path("names").path("kind").asText();
        return new CrdFacts(crd.path("metadata").path("name").asText(), spec.path("group").asText(), kind,
                spec.path("names").path("plural").asText(), storage.path("name").asText(),
                splitWords(kind), firstSentence(schema.path("description").asText(kind)), schema);
    }

    /** The schema of {@code spec.a.b} (object properties only), or a missing node. */
    public JsonNode property(String path) {
        JsonNode node = schema;
        for (String part : path.split("\\.")) {
            node = node.path("properties").path(part);
        }
        return node;
    }

    static String firstSentence(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        int end = flat.indexOf(". ");
        return end < 0 ? flat : flat.substring(0, end + 1);
    }

    private static String splitWords(String kind) {
        return kind.replaceAll("([a-z])([A-Z])", "$1 $2");
    }
}
