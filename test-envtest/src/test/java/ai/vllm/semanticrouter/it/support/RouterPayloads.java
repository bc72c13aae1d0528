package ai.vllm.semanticrouter.it.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The payloads the operator writes for one SemanticRouter that other programs read: the router's
 * config.yaml (with its dialect) and, in standalone mode, the Envoy sidecar's bootstrap and the
 * Service port that reaches it. {@link #check()} hands each to its real consumer: vllm-sr for the
 * config, and for the bootstrap Envoy's API (go-control-plane, with the listener ports) and the real
 * Envoy of the sidecar's release ({@code envoy --mode validate}).
 *
 * @param router          what the problems are reported under, e.g. "ns/simple" or a file name
 * @param configYaml      data config.yaml of ConfigMap {@code <cr>-config}, null when missing
 * @param envoyYaml       data envoy.yaml of ConfigMap {@code <cr>-envoy-config}, null when not rendered
 * @param envoyTargetPort targetPort of the Service port named envoy-*, null when there is none
 */
public record RouterPayloads(String router, String configYaml, RouterConfigDialect dialect, String envoyYaml,
                             String envoyTargetPort) {

    /** The validators' verdicts; {@code problems} is empty when every consumer accepted its payload. */
    public record Checked(RouterPayloads payloads, RouterConfigValidator.Result config, EnvoyValidator.Result envoy,
                          RealEnvoy.Validation realEnvoy, List<String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    public Checked check() {
        List<String> problems = new ArrayList<>();
        RouterConfigValidator.Result config = null;
        if (configYaml == null) {
            problems.add(router + ": no config.yaml in the ConfigMap <cr>-config");
        } else {
            config = RouterConfigValidator.shared().validate(configYaml, dialect.label());
            if (!config.ok()) {
                problems.add(router + ": " + config.describe());
            }
        }
        EnvoyValidator.Result envoy = null;
        RealEnvoy.Validation realEnvoy = null;
        if (envoyYaml != null) {
            envoy = EnvoyValidator.shared().validate(envoyYaml);
            if (!envoy.ok()) {
                problems.add(router + ": " + envoy.describe());
            }
            realEnvoy = RealEnvoy.validate(envoyYaml);
            if (!realEnvoy.ok()) {
                problems.add(router + ": " + realEnvoy.describe());
            }
            listenerPortProblem(envoy).ifPresent(problems::add);
        } else if (envoyTargetPort != null) {
            problems.add(router + ": the Service has an Envoy port (targetPort " + envoyTargetPort
                    + ") but no envoy.yaml was rendered");
        }
        return new Checked(this, config, envoy, realEnvoy, List.copyOf(problems));
    }

    private Optional<String> listenerPortProblem(EnvoyValidator.Result envoy) {
        if (envoyTargetPort == null) {
            return Optional.of(router + ": envoy.yaml was rendered but the Service has no port named envoy-*");
        }
        if (envoy.listenerPorts().stream().map(String::valueOf).noneMatch(envoyTargetPort::equals)) {
            return Optional.of(router + ": Envoy listens on " + envoy.listenerPorts()
                    + " but the Service's Envoy port targets " + envoyTargetPort);
        }
        return Optional.empty();
    }

    /** The Service port that reaches the Envoy sidecar is the one whose name starts with "envoy". */
    public static boolean isEnvoyPortName(String name) {
        return name != null && name.startsWith("envoy");
    }
}
