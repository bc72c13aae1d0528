package ai.vllm.semanticrouter.compositions;

import ai.vllm.semanticrouter.engine.CompositeType;
import ai.vllm.semanticrouter.engine.CompositionLoader;
import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.engine.LoadResult;
import ai.vllm.semanticrouter.engine.ProducedKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped compositions and extensions load with zero errors, checked against the CRD: their
 * compositeTypeRef names SemanticRouter and every field they read from it exists in its schema.
 */
class CompositionsLoadTest {
    private static final CompositionLoader LOADER = CompositionLoader.create()
            .forComposite(CompositeType.fromCrd(Resources.crd(), "v1alpha1"));

    @Test
    void compositionsLoadWithoutErrors() {
        LoadResult result = LOADER.loadClasspath(getClass().getClassLoader(), Resources.INDEX);
        assertThat(result.errors()).extracting(LoadError::format).isEmpty();
        assertThat(result.set().compositions()).hasSize(17);
        assertThat(result.set().resourceNames()).containsExactlyInAnyOrder("serviceaccount", "config", "envoy-config",
                "pvc", "service-ca", "deployment", "service", "hpa", "ingress", "httproute", "envoyextensionpolicy", "envoyfilter",
                "destinationrule", "referencegrant-0", "referencegrant-1", "referencegrant-2", "referencegrant-3",
                "backendtlspolicy-0", "backendtlspolicy-1", "backendtlspolicy-2", "backendtlspolicy-3", "backend-destinationrule-0",
                "backend-destinationrule-1", "backend-destinationrule-2", "backend-destinationrule-3", "route", "route-api", "pdb");
        assertThat(result.set().producedKinds()).containsExactlyInAnyOrder(
                new ProducedKind("v1", "ServiceAccount"),
                new ProducedKind("v1", "ConfigMap"),
                new ProducedKind("v1", "PersistentVolumeClaim"),
                new ProducedKind("apps/v1", "Deployment"),
                new ProducedKind("v1", "Service"),
                new ProducedKind("autoscaling/v2", "HorizontalPodAutoscaler"),
                new ProducedKind("networking.k8s.io/v1", "Ingress"),
                new ProducedKind("gateway.networking.k8s.io/v1", "HTTPRoute"),
                new ProducedKind("gateway.envoyproxy.io/v1alpha1", "EnvoyExtensionPolicy"),
                new ProducedKind("networking.istio.io/v1alpha3", "EnvoyFilter"),
                new ProducedKind("networking.istio.io/v1", "DestinationRule"),
                new ProducedKind("gateway.networking.k8s.io/v1beta1", "ReferenceGrant"),
                new ProducedKind("gateway.networking.k8s.io/v1", "BackendTLSPolicy"),
                new ProducedKind("route.openshift.io/v1", "Route"),
                new ProducedKind("policy/v1", "PodDisruptionBudget"));
    }

    @Test
    void extensionsLoadWithoutErrorsAndAddToTheSet() {
        LoadResult base = LOADER.loadClasspath(getClass().getClassLoader(), Resources.INDEX);
        LoadResult extensions = LOADER.loadDirectory(Resources.MAIN_RESOURCES.resolve("semanticrouter/extensions"));
        assertThat(extensions.errors()).extracting(LoadError::format).isEmpty();
        assertThat(extensions.set().resourceNames()).containsExactlyInAnyOrder("servicemonitor", "networkpolicy");
        LoadResult both = base.set().plus(extensions.set());
        assertThat(both.errors()).extracting(LoadError::format).isEmpty();
        assertThat(both.set().compositions()).hasSize(19);
    }
}
