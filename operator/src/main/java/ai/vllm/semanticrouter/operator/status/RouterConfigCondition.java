package ai.vllm.semanticrouter.operator.status;

import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code RouterConfigValid}: which config format the router gets and why, False when the router
 * would refuse the config (it is then not rolled out), with what the router would not do as the CR
 * says and which CR fields it has no place for.
 */
final class RouterConfigCondition {
    static final String VALID = "Valid";
    static final String FORMAT_NOT_GUARANTEED = "FormatNotGuaranteed";
    static final String NOT_AS_WRITTEN = "SettingsNotApplied";

    private RouterConfigCondition() {
    }

    static Condition of(RouterConfig router) {
        if (router.refused()) {
            return Condition.of(Condition.ROUTER_CONFIG_VALID, false, Problem.ROUTER_CONFIG_INVALID,
                    String.join("; ", router.findings().refusals()));
        }
        List<String> parts = new ArrayList<>();
        parts.add("config.yaml in format " + router.choice().dialect().value() + ": " + router.choice().reason());
        parts.add(router.trace().features().isEmpty() ? "no optional feature acts on requests"
                : "acting on requests: " + String.join("; ", router.trace().features()));
        parts.addAll(router.findings().warnings());
        if (!router.findings().ignored().isEmpty()) {
            parts.add("not used by this router version: " + String.join(", ", router.findings().ignored()));
        }
        String reason = !router.choice().guaranteed() ? FORMAT_NOT_GUARANTEED
                : router.findings().warnings().isEmpty() ? VALID : NOT_AS_WRITTEN;
        return Condition.of(Condition.ROUTER_CONFIG_VALID, true, reason, String.join("; ", parts));
    }
}
