package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every image the operator may run (itself, the router and its sidecars), for the CSV's
 * {@code relatedImages} so that mirroring tools find them: the CRD's default router image and any
 * {@code image} a resource template names, in its base or in a patch (the Envoy sidecar is added by one).
 */
public final class RelatedImages {
    private RelatedImages() {
    }

    /** Name (unique, DNS-1123) to image reference, operator first. */
    public static Map<String, String> of(String operatorImage, CrdFacts crd, List<ApiSources.NamedText> compositions) {
        Map<String, String> images = new LinkedHashMap<>();
        add(images, "semantic-router-operator", operatorImage);
        JsonNode image = crd.property("spec.image");
        String repository = image.path("properties").path("repository").path("default").asText("");
        String tag = image.path("properties").path("tag").path("default").asText("");
        if (!repository.isEmpty()) {
            add(images, null, tag.isEmpty() ? repository : repository + ":" + tag);
        }
        for (ApiSources.NamedText file : compositions) {
            for (JsonNode doc : Yaml.documents(file.text())) {
                for (JsonNode template : doc.path("spec").path("resources")) {
                    collect(template, images);
                }
            }
        }
        return images;
    }

    private static void collect(JsonNode node, Map<String, String> images) {
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (field.getKey().equals("image") && value.isTextual() && value.asText().contains("/")) {
                add(images, null, value.asText());
            } else if (value.isContainerNode()) {
                collect(value, images);
            }
        });
        if (node.isArray()) {
            node.forEach(element -> collect(element, images));
        }
    }

    private static void add(Map<String, String> images, String name, String reference) {
        if (images.containsValue(reference)) {
            return;
        }
        String base = name != null ? name : nameOf(reference);
        String unique = base;
        for (int i = 2; images.containsKey(unique); i++) {
            unique = base + "-" + i;
        }
        images.put(unique, reference);
    }

    /** ghcr.io/vllm-project/semantic-router/extproc:latest -> semantic-router-extproc */
    static String nameOf(String reference) {
        String withoutDigest = reference.split("@")[0];
        String path = withoutDigest.substring(withoutDigest.indexOf('/') + 1);
        int colon = path.lastIndexOf(':');
        if (colon > path.lastIndexOf('/')) {
            path = path.substring(0, colon);
        }
        String[] parts = path.split("/");
        String name = parts.length >= 2 ? parts[parts.length - 2] + "-" + parts[parts.length - 1] : parts[0];
        return name.toLowerCase().replaceAll("[^a-z0-9-]", "-");
    }
}
