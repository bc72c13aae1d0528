package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which config dialect a CR gets and why: {@code spec.configDialect} when set, else the router
 * version its image tag names. {@code guaranteed} is false for tags that do not pin a release
 * ({@code latest} follows the router's main branch, whose format changes without notice).
 */
public record DialectChoice(ConfigDialect dialect, boolean guaranteed, String reason) {
    /** The dialect of the operator's default image (the CRD's default tag). */
    public static final ConfigDialect DEFAULT = ConfigDialect.V0_4;
    private static final Pattern RELEASE = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:[.\\-+].*)?$");

    public static DialectChoice of(JsonNode cr) {
        JsonNode spec = cr.path("spec");
        String override = spec.path("configDialect").asText("");
        var named = ConfigDialect.named(override);
        if (named.isPresent()) {
            return new DialectChoice(named.get(), true, "spec.configDialect is " + override);
        }
        String repository = spec.path("image").path("repository").asText("");
        String tag = spec.path("image").path("tag").asText("");
        if (repository.contains("@sha256:") || tag.startsWith("sha256:")) {
            return new DialectChoice(DEFAULT, true, "the image is pinned by digest, which names no router version: "
                    + "format " + DEFAULT.value() + " of the default image (set spec.configDialect if it differs)");
        }
        if (tag.isEmpty() || tag.equals("latest")) {
            return new DialectChoice(DEFAULT, false, "image tag " + (tag.isEmpty() ? "(none, so latest)" : "latest")
                    + " follows the router's main branch, whose config format changes without notice: writing format "
                    + DEFAULT.value() + ", which cannot be guaranteed; pin a release tag or set spec.configDialect");
        }
        return ofTag(tag);
    }

    private static DialectChoice ofTag(String tag) {
        Matcher release = RELEASE.matcher(tag);
        if (!release.matches()) {
            return new DialectChoice(DEFAULT, true, "image tag " + tag + " names no router release: format "
                    + DEFAULT.value() + " of the default image (set spec.configDialect if it differs)");
        }
        int major = Integer.parseInt(release.group(1));
        int minor = Integer.parseInt(release.group(2));
        ConfigDialect dialect = major > 0 || minor >= 4 ? ConfigDialect.V0_4
                : minor == 3 ? ConfigDialect.V0_3 : ConfigDialect.FLAT;
        return new DialectChoice(dialect, true, "image tag " + tag + " is router " + (major > 0 || minor >= 4
                ? "v0.4 or newer" : "v0." + minor) + ": format " + dialect.value());
    }
}
