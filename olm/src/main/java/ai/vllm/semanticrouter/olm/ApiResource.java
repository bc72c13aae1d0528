package ai.vllm.semanticrouter.olm;

import java.util.Locale;

/**
 * The REST resource of a kind the compositions produce (group, version, kind and plural name), for
 * RBAC rules and the CSV. Which kinds are produced is the engine's answer ({@link CompositionKinds}).
 */
public record ApiResource(String group, String version, String kind) implements Comparable<ApiResource> {

    public static ApiResource of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? new ApiResource("", apiVersion, kind)
                : new ApiResource(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
    }

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The plural resource name, by the rules Kubernetes' code generators apply to kind names. */
    public String resource() {
        String lower = kind.toLowerCase(Locale.ROOT);
        if (lower.endsWith("s") || lower.endsWith("x") || lower.endsWith("z")
                || lower.endsWith("ch") || lower.endsWith("sh")) {
            return lower + "es";
        }
        if (lower.endsWith("y") && lower.length() > 1 && "aeiou".indexOf(lower.charAt(lower.length() - 2)) < 0) {
            return lower.substring(0, lower.length() - 1) + "ies";
        }
        return lower + "s";
    }

    @Override
    public int compareTo(ApiResource other) {
        int byGroup = group.compareTo(other.group);
        return byGroup != 0 ? byGroup : resource().compareTo(other.resource());
    }
}
