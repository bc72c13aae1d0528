package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The CSV's spec and status descriptors: how the OpenShift console shows a SemanticRouter.
 * Only fields that exist in the CRD's schema are described, with the schema's own description.
 */
public final class CrdDescriptors {
    private static final String UI = "urn:alm:descriptor:com.tectonic.ui:";

    private record Descriptor(String path, String displayName, List<String> xDescriptors) {
    }

    private static final List<Descriptor> SPEC = List.of(
            new Descriptor("replicas", "Replicas", List.of(UI + "podCount")),
            new Descriptor("image", "Image", List.of()),
            new Descriptor("vllmEndpoints", "vLLM Endpoints", List.of()),
            new Descriptor("resources", "Resources", List.of(UI + "resourceRequirements")),
            new Descriptor("persistence", "Persistence", List.of()),
            new Descriptor("persistence.enabled", "Persistence Enabled", List.of(UI + "booleanSwitch")),
            new Descriptor("persistence.size", "Model Storage Size", List.of(UI + "text")),
            new Descriptor("persistence.storageClassName", "Storage Class",
                    List.of("urn:alm:descriptor:io.kubernetes:StorageClass")),
            new Descriptor("service", "Service", List.of()),
            new Descriptor("autoscaling", "Autoscaling", List.of()),
            new Descriptor("autoscaling.enabled", "Autoscaling Enabled", List.of(UI + "booleanSwitch")),
            new Descriptor("ingress", "Ingress", List.of()),
            new Descriptor("gateway", "Gateway", List.of()),
            new Descriptor("openshift", "OpenShift", List.of()),
            new Descriptor("serviceAccount", "Service Account", List.of()),
            new Descriptor("config", "Router Configuration", List.of()));

    private static final List<Descriptor> STATUS = List.of(
            new Descriptor("phase", "Phase", List.of("urn:alm:descriptor:io.kubernetes.phase")),
            new Descriptor("replicas", "Replicas", List.of("urn:alm:descriptor:com.tectonic.ui:podCount")),
            new Descriptor("readyReplicas", "Ready Replicas", List.of()),
            new Descriptor("gatewayMode", "Gateway Mode", List.of("urn:alm:descriptor:text")),
            new Descriptor("openshiftFeatures", "OpenShift Features", List.of()),
            new Descriptor("conditions", "Conditions", List.of("urn:alm:descriptor:io.kubernetes.conditions")),
            new Descriptor("observedGeneration", "Observed Generation", List.of()));

    private CrdDescriptors() {
    }

    public static ArrayNode spec(CrdFacts crd) {
        return describe(crd, "spec", SPEC);
    }

    public static ArrayNode status(CrdFacts crd) {
        return describe(crd, "status", STATUS);
    }

    private static ArrayNode describe(CrdFacts crd, String root, List<Descriptor> descriptors) {
        ArrayNode out = Yaml.array();
        for (Descriptor d : descriptors) {
            JsonNode property = crd.property(root + "." + d.path());
            if (property.isMissingNode()) {
                continue;
            }
            ObjectNode node = out.addObject();
            node.put("path", d.path());
            node.put("displayName", d.displayName());
            String description = CrdFacts.firstSentence(property.path("description").asText(""));
            if (!description.isEmpty()) {
                node.put("description", description);
            }
            if (!d.xDescriptors().isEmpty()) {
                node.set("x-descriptors", Yaml.strings(d.xDescriptors()));
            }
        }
        return out;
    }
}
