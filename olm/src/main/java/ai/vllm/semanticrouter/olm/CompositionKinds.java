package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the kinds the compositions produce straight from their YAML ({@code spec.resources[*].base}),
 * so RBAC and the CSV follow the compositions without a line of Java per kind.
 */
public final class CompositionKinds {
    private CompositionKinds() {
    }

    /** Distinct kinds in composition order, then template order. */
    public static List<ProducedKind> of(List<ApiSources.NamedText> compositions) {
        Set<ProducedKind> kinds = new LinkedHashSet<>();
        for (ApiSources.NamedText file : compositions) {
            for (JsonNode doc : Yaml.documents(file.text())) {
                for (JsonNode template : doc.path("spec").path("resources")) {
                    JsonNode base = template.path("base");
                    String apiVersion = base.path("apiVersion").asText("");
                    String kind = base.path("kind").asText("");
                    if (apiVersion.isEmpty() || kind.isEmpty()) {
                        throw new IllegalStateException(file.name() + ": resource template '"
                                + template.path("name").asText("?") + "' has no base.apiVersion/kind");
                    }
                    kinds.add(ProducedKind.of(apiVersion, kind));
                }
            }
        }
        return List.copyOf(kinds);
    }

    /** Whether a template of {@code kind} writes {@code fieldPath}: set in its base, or the target of a patch. */
    public static boolean writesField(List<ApiSources.NamedText> compositions, String kind, String fieldPath) {
        for (ApiSources.NamedText file : compositions) {
            for (JsonNode doc : Yaml.documents(file.text())) {
                for (JsonNode template : doc.path("spec").path("resources")) {
                    if (kind.equals(template.path("base").path("kind").asText())
                            && (!template.path("base").at("/" + fieldPath.replace('.', '/')).isMissingNode()
                            || patchWrites(template.path("patches"), fieldPath))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean patchWrites(JsonNode node, String fieldPath) {
        if (fieldPath.equals(node.path("toFieldPath").asText(null))) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && patchWrites(child, fieldPath)) {
                return true;
            }
        }
        return false;
    }
}
