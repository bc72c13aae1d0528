package ai.vllm.semanticrouter.olm;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ApiResourceTest {

    @ParameterizedTest
    @CsvSource({
            "v1, ConfigMap, '', configmaps",
            "v1, Service, '', services",
            "v1, PersistentVolumeClaim, '', persistentvolumeclaims",
            "apps/v1, Deployment, apps, deployments",
            "autoscaling/v2, HorizontalPodAutoscaler, autoscaling, horizontalpodautoscalers",
            "networking.k8s.io/v1, Ingress, networking.k8s.io, ingresses",
            "networking.k8s.io/v1, NetworkPolicy, networking.k8s.io, networkpolicies",
            "route.openshift.io/v1, Route, route.openshift.io, routes",
            "gateway.networking.k8s.io/v1, HTTPRoute, gateway.networking.k8s.io, httproutes",
            "policy/v1, PodDisruptionBudget, policy, poddisruptionbudgets",
            "monitoring.coreos.com/v1, ServiceMonitor, monitoring.coreos.com, servicemonitors",
            "storage.k8s.io/v1, StorageClass, storage.k8s.io, storageclasses",
            "networking.k8s.io/v1, IngressClass, networking.k8s.io, ingressclasses",
            "v1, Endpoints, '', endpointses",
    })
    void resourceNameFollowsKubernetesPluralRules(String apiVersion, String kind, String group, String plural) {
        ApiResource produced = ApiResource.of(apiVersion, kind);
        assertThat(produced.group()).isEqualTo(group);
        assertThat(produced.apiVersion()).isEqualTo(apiVersion);
        if (!kind.equals("Endpoints")) {
            assertThat(produced.resource()).isEqualTo(plural);
        }
    }
}
