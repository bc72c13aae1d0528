package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** One RBAC rule: one API group, the resources in it that share the same verbs. */
public record PolicyRule(String apiGroup, List<String> resources, List<String> verbs) {

    public PolicyRule {
        resources = List.copyOf(resources);
        verbs = List.copyOf(verbs);
    }

    public ObjectNode toNode() {
        ObjectNode rule = Yaml.object();
        rule.set("apiGroups", Yaml.strings(List.of(apiGroup)));
        rule.set("resources", Yaml.strings(resources));
        rule.set("verbs", Yaml.strings(verbs));
        return rule;
    }
}
