package ai.vllm.semanticrouter.operator.controller;

import ai.vllm.semanticrouter.operator.apply.Kind;
import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of API discovery: the groups the API server serves and, for each kind at each
 * version, its REST resource. Taken again periodically so that an API installed later
 * (Gateway API, KServe, Routes) is picked up.
 */
public record ServedApis(Set<String> groups, Map<Kind, ResourceDefinitionContext> resources) {

    public ServedApis {
        groups = Set.copyOf(groups);
        resources = Map.copyOf(resources);
    }

    public static ServedApis discover(KubernetesClient client) {
        Set<String> groups = new HashSet<>();
        Map<Kind, ResourceDefinitionContext> resources = new HashMap<>();
        groups.add("");
        addResources(client, "v1", resources);
        for (APIGroup group : client.getApiGroups().getGroups()) {
            groups.add(group.getName());
            for (GroupVersionForDiscovery version : group.getVersions()) {
                addResources(client, version.getGroupVersion(), resources);
            }
        }
        return new ServedApis(groups, resources);
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

    private static void addResources(KubernetesClient client, String groupVersion,
                                     Map<Kind, ResourceDefinitionContext> resources) {
        APIResourceList list;
        try {
            list = client.getApiResources(groupVersion);
        } catch (KubernetesClientException e) {
            return; // an aggregated API that is down: its kinds count as not served
        }
        if (list == null) {
            return;
        }
        for (APIResource resource : list.getResources()) {
            if (!resource.getName().contains("/")) {
                resources.put(new Kind(groupVersion, resource.getKind()),
                        ResourceDefinitionContext.fromApiResource(groupVersion, resource));
            }
        }
    }
}
