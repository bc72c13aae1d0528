package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code spec.config.overlay}: fragments of the canonical config.yaml the CRD does not model
 * (the router project's issue 3791 asks for {@code global.router.streamed_body}), merged into the
 * rendered document. Only into places the operator leaves open: objects merge key by key, and a
 * key the operator already wrote is refused naming both paths, so the overlay can neither undo a
 * safety value nor shadow a CR field. Secrets never pass through it (a ConfigMap is no place for
 * them). Nothing is merged when anything is refused.
 */
final class ConfigOverlay {
    private static final Set<String> TOP_LEVEL = Set.of("listeners", "providers", "routing", "global");
    private static final Pattern SECRET_KEY = Pattern.compile(
            "(^|_)(password|passwd|secret|token|tokens|api_key|apikey|access_key|secret_key|private_key|credentials?)$");
    private static final String CR_FIELD = "spec.config.overlay";

    private final Findings findings;
    private final FeatureTrace trace;

    ConfigOverlay(Findings findings, FeatureTrace trace) {
        this.findings = findings;
        this.trace = trace;
    }

    void merge(JsonNode overlay, ObjectNode document) {
        if (!overlay.isObject() || overlay.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : overlay.properties()) {
            if (!TOP_LEVEL.contains(entry.getKey())) {
                problems.add(CR_FIELD + "." + entry.getKey() + ": not a key the router's config.yaml has at the top "
                        + "(listeners, providers, routing, global)" + (entry.getKey().equals("version")
                        ? "; the operator writes version" : ""));
            }
        }
        secrets(overlay, CR_FIELD, problems);
        collisions(overlay, document, "", problems);
        if (!problems.isEmpty()) {
            problems.forEach(findings::refuse);
            return;
        }
        apply(overlay, document, "");
    }

    private static void secrets(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String child = path + "." + e.getKey();
                if (SECRET_KEY.matcher(e.getKey().toLowerCase(java.util.Locale.ROOT)).find()) {
                    problems.add(child + ": secrets cannot be set through the overlay (it is written into a ConfigMap); "
                            + "use the Secret-ref fields, e.g. spec.config.response_cache.redis.connection.password_secret_ref, "
                            + "or spec.env with valueFrom.secretKeyRef and a ${NAME} reference (v0.4 routers)");
                } else {
                    secrets(e.getValue(), child, problems);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> secrets(item, path + "[]", problems));
        }
    }

    private static void collisions(JsonNode overlay, JsonNode rendered, String path, List<String> problems) {
        overlay.properties().forEach(e -> {
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = rendered.get(e.getKey());
            if (existing == null || (path.isEmpty() && !TOP_LEVEL.contains(e.getKey()))) {
                return;
            }
            if (existing.isObject() && e.getValue().isObject()) {
                collisions(e.getValue(), existing, child, problems);
            } else {
                problems.add(CR_FIELD + "." + child + " collides with " + child
                        + " of the rendered config.yaml, which the operator writes; set it through the CR field that "
                        + "models it (render --explain names it) or leave it out of the overlay");
            }
        });
    }

    private void apply(JsonNode overlay, ObjectNode target, String path) {
        overlay.properties().forEach(e -> {
            String child = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode existing = target.get(e.getKey());
            if (existing instanceof ObjectNode object && e.getValue().isObject()) {
                apply(e.getValue(), object, child);
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
                trace.origin(child, CR_FIELD + "." + child);
            }
        });
    }
}
