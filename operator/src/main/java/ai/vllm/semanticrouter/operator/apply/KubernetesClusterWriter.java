package ai.vllm.semanticrouter.operator.apply;

import ai.vllm.semanticrouter.operator.discovery.ResourceUrl;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

/** The {@link ClusterWriter} of the live operator, through the fabric8 client. */
public final class KubernetesClusterWriter implements ClusterWriter {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesClusterWriter.class);
    private static final ResourceDefinitionContext EVENTS = new ResourceDefinitionContext.Builder()
            .withGroup("").withVersion("v1").withPlural("events").withKind("Event").withNamespaced(true).build();

    private final KubernetesClient client;
    private final Function<Kind, ResourceDefinitionContext> resolver;
    private final TreeRequests requests;
    private final String identity;
    private final Clock clock;
    private final ApplyObserver observer;

    /**
     * @param resolver maps a kind to its REST resource (plural, scope), from API discovery
     * @param identity this operator replica, recorded as the events' reporting instance
     * @param observer told of every apply, e.g. to recognise its watch event
     */
    public KubernetesClusterWriter(KubernetesClient client, Function<Kind, ResourceDefinitionContext> resolver,
                                   String identity, Clock clock, ApplyObserver observer) {
        this.client = client;
        this.resolver = resolver;
        this.requests = new TreeRequests(client);
        this.identity = identity;
        this.clock = clock;
        this.observer = observer;
    }

    @Override
    public ObjectNode apply(ObjectNode intent) {
        ObjectKey key = ObjectKey.of(intent);
        observer.applying(key);
        try {
            ObjectNode live = requests.patch(url(key) + "?fieldManager=" + Ownership.FIELD_MANAGER + "&force=true",
                    TreeRequests.APPLY_PATCH, intent);
            observer.applied(key, live);
            return live;
        } catch (RuntimeException e) {
            observer.failed(key);
            throw e;
        }
    }

    @Override
    public void delete(ObjectKey key) {
        resource(key).withPropagationPolicy(DeletionPropagation.BACKGROUND).delete();
    }

    @Override
    public void patchStatus(ObjectKey cr, ObjectNode statusPatch) {
        requests.patch(url(cr) + "/status", TreeRequests.MERGE_PATCH, statusPatch);
    }

    private String url(ObjectKey key) {
        return ResourceUrl.object(client.getMasterUrl(), resolver.apply(key.type()), key.namespace(), key.name());
    }

    @Override
    public void event(JsonNode cr, EventType type, String reason, String message) {
        JsonNode metadata = cr.path("metadata");
        String namespace = metadata.path("namespace").asText();
        String now = Instant.now(clock).toString();
        ObjectNode event = JsonNodeFactory.instance.objectNode().put("apiVersion", "v1").put("kind", "Event");
        event.putObject("metadata").put("generateName", metadata.path("name").asText() + ".").put("namespace", namespace);
        ObjectNode involved = event.putObject("involvedObject").put("apiVersion", cr.path("apiVersion").asText())
                .put("kind", cr.path("kind").asText()).put("namespace", namespace).put("name", metadata.path("name").asText());
        copyText(metadata, "uid", involved);
        copyText(metadata, "resourceVersion", involved);
        event.put("type", type.name()).put("reason", reason).put("message", truncate(message))
                .put("firstTimestamp", now).put("lastTimestamp", now).put("count", 1);
        event.putObject("source").put("component", Ownership.FIELD_MANAGER);
        event.put("reportingComponent", Ownership.FIELD_MANAGER).put("reportingInstance", identity);
        try {
            requests.post(ResourceUrl.collection(client.getMasterUrl(), EVENTS, namespace), event);
        } catch (KubernetesClientException e) {
            LOG.warn("Could not record event reason={} on {}/{}: {}", reason, namespace,
                    metadata.path("name").asText(), e.getMessage());
        }
    }

    private static void copyText(JsonNode from, String field, ObjectNode to) {
        if (from.path(field).isTextual()) {
            to.put(field, from.path(field).asText());
        }
    }

    private Resource<GenericKubernetesResource> resource(ObjectKey key) {
        return operation(key).withName(key.name());
    }

    private NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList,
            Resource<GenericKubernetesResource>> operation(ObjectKey key) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                client.genericKubernetesResources(resolver.apply(key.type()));
        return key.namespace().isEmpty() ? op : op.inNamespace(key.namespace());
    }

    private static String truncate(String message) {
        return message.length() <= 1024 ? message : message.substring(0, 1021) + "...";
    }
}
