package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.apply.Kind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.HttpURLConnection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A snapshot of API discovery: the groups the API server serves and, for each kind at each
 * version, its REST resource. Taken again periodically so that an API installed later
 * (Gateway API, KServe, Routes) is picked up.
 *
 * @param unreadable group versions listed by the API server whose resources could not be read in
 *                   this round (5xx, connection error); their kinds are those of the previous snapshot
 */
public record ServedApis(Set<String> groups, Map<Kind, ResourceDefinitionContext> resources, Set<String> unreadable) {
    private static final Logger LOG = LoggerFactory.getLogger(ServedApis.class);

    public ServedApis {
        groups = Set.copyOf(groups);
        resources = Map.copyOf(resources);
        unreadable = Set.copyOf(unreadable);
    }

    public ServedApis(Set<String> groups, Map<Kind, ResourceDefinitionContext> resources) {
        this(groups, resources, Set.of());
    }

    /**
     * Reads discovery from the API server. A group version that answers 404 is gone; one that fails
     * otherwise (an API server still starting, an aggregated API that is down) keeps the kinds it had
     * in {@code previous}, so that they do not vanish for one round. If the group list itself cannot
     * be read, the exception propagates and the caller keeps its old snapshot.
     *
     * @param previous the last snapshot, or null at start
     */
    public static ServedApis discover(KubernetesClient client, ServedApis previous) {
        return discover(client.getApiGroups(), client::getApiResources, previous);
    }

    /**
     * The decision logic of {@link #discover(KubernetesClient, ServedApis)}.
     *
     * @param reader the resources of a group version ("v1", "apps/v1"): null when the API server
     *               answers 404, a {@link KubernetesClientException} on any other failure
     */
    static ServedApis discover(APIGroupList groupList, Function<String, APIResourceList> reader, ServedApis previous) {
        if (groupList == null) {
            throw new IllegalStateException("the API server returned no API group list");
        }
        ServedApis before = previous == null ? new ServedApis(Set.of(), Map.of()) : previous;
        Set<String> groups = new HashSet<>();
        Map<Kind, ResourceDefinitionContext> resources = new HashMap<>();
        Set<String> unreadable = new HashSet<>();
        groups.add("");
        addResources("v1", reader, before, resources, unreadable);
        for (APIGroup group : groupList.getGroups()) {
            groups.add(group.getName());
            for (GroupVersionForDiscovery version : group.getVersions()) {
                addResources(version.getGroupVersion(), reader, before, resources, unreadable);
            }
        }
        return new ServedApis(groups, resources, unreadable);
    }

    /**
     * Value equality: fabric8's {@link ResourceDefinitionContext} has none, so two rounds that found
     * the same APIs compare their kinds' group, version, plural and scope.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof ServedApis that && groups.equals(that.groups) && unreadable.equals(that.unreadable)
                && signature().equals(that.signature());
    }

    @Override
    public int hashCode() {
        return groups.hashCode() * 31 + resources.keySet().hashCode();
    }

    private Map<Kind, String> signature() {
        Map<Kind, String> signature = new HashMap<>();
        resources.forEach((kind, context) -> signature.put(kind, context.getGroup() + "/" + context.getVersion() + "/"
                + context.getPlural() + "/" + context.isNamespaceScoped()));
        return signature;
    }

    public boolean servesGroup(String group) {
        return groups.contains(group);
    }

    public boolean serves(Kind kind) {
        return resources.containsKey(kind);
    }

    public Optional<ResourceDefinitionContext> resource(Kind kind) {
        return Optional.ofNullable(resources.get(kind));
    }

    private static void addResources(String groupVersion, Function<String, APIResourceList> reader, ServedApis previous,
                                     Map<Kind, ResourceDefinitionContext> resources, Set<String> unreadable) {
        APIResourceList list;
        try {
            list = reader.apply(groupVersion);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
                return; // the group version is gone
            }
            unreadable.add(groupVersion);
            keepPrevious(groupVersion, previous, resources,
                    e.getCode() > 0 ? "HTTP " + e.getCode() + ": " + e.getMessage() : String.valueOf(e.getMessage()));
            return;
        }
        noteAnswering(groupVersion, previous);
        if (list == null || list.getResources() == null) {
            return; // 404: the group version is gone
        }
        for (APIResource resource : list.getResources()) {
            if (!resource.getName().contains("/")) {
                resources.put(new Kind(groupVersion, resource.getKind()),
                        ResourceDefinitionContext.fromApiResource(groupVersion, resource));
            }
        }
    }

    /** Logs, once, that a group version that could not be read answers again. */
    static void noteAnswering(String groupVersion, ServedApis previous) {
        if (previous.unreadable().contains(groupVersion)) {
            LOG.info("API group version {} answers again", groupVersion);
        }
    }

    /** Copies the group version's kinds from {@code previous}, logging the outage once (WARN) and then at DEBUG. */
    static void keepPrevious(String groupVersion, ServedApis previous,
                             Map<Kind, ResourceDefinitionContext> resources, String error) {
        int kept = 0;
        for (Map.Entry<Kind, ResourceDefinitionContext> entry : previous.resources().entrySet()) {
            if (entry.getKey().apiVersion().equals(groupVersion)) {
                resources.put(entry.getKey(), entry.getValue());
                kept++;
            }
        }
        if (previous.unreadable().contains(groupVersion)) {
            // Already reported when it started failing: one WARN per outage, not one per round.
            LOG.debug("API group version {} still cannot be read ({}); keeping {} kinds", groupVersion, error, kept);
        } else if (kept > 0) {
            LOG.warn("Cannot read API group version {} ({}); keeping its {} kinds from the previous discovery",
                    groupVersion, error, kept);
        } else {
            LOG.warn("Cannot read API group version {} ({}); its kinds count as not served until it answers",
                    groupVersion, error);
        }
    }
}
