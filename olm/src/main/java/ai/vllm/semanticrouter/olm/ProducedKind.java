package ai.vllm.semanticrouter.olm;

import java.util.Locale;

/** A kind some composition renders (its {@code base.apiVersion/kind}), with its REST resource name. */
public record ProducedKind(String group, String version, String kind) implements Comparable<ProducedKind> {

    public static ProducedKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? new ProducedKind("", apiVersion, kind)
                : new ProducedKind(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), kind);
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
    public int compareTo(ProducedKind other) {
        int byGroup = group.compareTo(other.group);
        return byGroup != 0 ? byGroup : resource().compareTo(other.resource());
    }
}
