package ai.vllm.semanticrouter.operator.runtime;

import ai.vllm.semanticrouter.engine.LoadError;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Events about the operator itself (not about one SemanticRouter), on the operator's Pod, which the
 * install manifests name through the downward API (POD_NAME, POD_NAMESPACE). Without them (running
 * outside a cluster) the log line is the report.
 */
final class OperatorEvents {
    private static final Logger LOG = LoggerFactory.getLogger(OperatorEvents.class);
    private static final int MAX_MESSAGE = 1000;

    private OperatorEvents() {
    }

    static void compositionsRejected(KubernetesClient client, List<LoadError> errors) {
        String pod = System.getenv("POD_NAME");
        String namespace = System.getenv("POD_NAMESPACE");
        if (pod == null || namespace == null) {
            return;
        }
        String files = errors.stream().map(LoadError::origin).distinct().collect(Collectors.joining(", "));
        String message = ("Rejected composition file(s) " + files + ": "
                + errors.stream().map(LoadError::format).collect(Collectors.joining("; ")));
        try {
            client.v1().events().inNamespace(namespace).resource(new EventBuilder()
                    .withNewMetadata().withGenerateName(pod + ".compositions-").endMetadata()
                    .withNewInvolvedObject().withApiVersion("v1").withKind("Pod").withName(pod).withNamespace(namespace)
                    .endInvolvedObject()
                    .withType("Warning").withReason("CompositionRejected")
                    .withMessage(message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message)
                    .withFirstTimestamp(Instant.now().toString()).withLastTimestamp(Instant.now().toString()).withCount(1)
                    .withNewSource().withComponent("semantic-router-operator".toLowerCase(Locale.ROOT)).endSource()
                    .build()).create();
        } catch (RuntimeException e) {
            LOG.warn("Could not post the CompositionRejected event on pod {}/{}: {}", namespace, pod, e.getMessage());
        }
    }
}
