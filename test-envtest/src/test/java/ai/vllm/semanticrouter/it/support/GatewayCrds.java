package ai.vllm.semanticrouter.it.support;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real CRDs of the Gateway API, Envoy Gateway, Istio and the Inference Extension, as
 * provision/gateway-crds.sh took them from their Go modules (versions.env), so that gateway objects
 * are checked by the schemas their consumers publish.
 */
public final class GatewayCrds {
    /** Every CRD GatewayIT needs but the InferencePool's, which a test installs later. */
    public static final Set<String> WITHOUT_INFERENCE_POOL = Set.of("gatewayclasses.gateway.networking.k8s.io",
            "gateways.gateway.networking.k8s.io", "httproutes.gateway.networking.k8s.io",
            "referencegrants.gateway.networking.k8s.io", "backendtlspolicies.gateway.networking.k8s.io",
            "envoyextensionpolicies.gateway.envoyproxy.io", "envoyfilters.networking.istio.io",
            "destinationrules.networking.istio.io");
    public static final Set<String> INFERENCE_POOL = Set.of("inferencepools.inference.networking.k8s.io");

    private GatewayCrds() {
    }

    /** Installs the CRDs of these names and waits until they are served. */
    public static void install(KubernetesClient client, Set<String> names) {
        List<HasMetadata> crds = new ArrayList<>();
        for (Path file : files()) {
            try (InputStream in = Files.newInputStream(file)) {
                client.load(in).items().stream().filter(i -> names.contains(i.getMetadata().getName())).forEach(crds::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        List<String> found = crds.stream().map(c -> c.getMetadata().getName()).toList();
        if (!found.containsAll(names)) {
            throw new IllegalStateException("provisioned gateway CRDs lack " + names.stream().filter(n -> !found.contains(n)).toList());
        }
        Manifests.installCrds(client, crds);
    }

    /** The provisioned files; a clear failure naming the script when they are missing. */
    static List<Path> files() {
        Path folder = ValidatorProcess.cacheDir().resolve("gateway-crds").resolve(key());
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(folder + " is missing: run test-envtest/provision/gateway-crds.sh "
                    + "(mvn verify runs it before the integration tests)", e);
        }
    }

    private static String key() {
        return "gateway-api-" + PinnedVersions.of("GATEWAY_API_VERSION") + "_envoy-gateway-" + PinnedVersions.of("ENVOY_GATEWAY_VERSION")
                + "_istio-api-" + PinnedVersions.of("ISTIO_API_VERSION") + "_inference-extension-" + PinnedVersions.of("INFERENCE_EXTENSION_VERSION");
    }
}
