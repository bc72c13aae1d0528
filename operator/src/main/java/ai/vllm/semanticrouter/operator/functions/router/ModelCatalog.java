package ai.vllm.semanticrouter.operator.functions.router;

import ai.vllm.semanticrouter.operator.functions.DiscoveryReport;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec.Lora;
import ai.vllm.semanticrouter.operator.functions.EndpointSpec;
import ai.vllm.semanticrouter.operator.functions.ResolvedEndpoint;
import ai.vllm.semanticrouter.operator.functions.tls.BackendTlsPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The models the router can route to: the resolved endpoints grouped by model, sorted by name, the
 * first being the default model (as upstream does, and as {@code vllm-sr config envoy} sends
 * requests without a selected model to the first one). A model none of whose endpoints resolved is
 * not in the catalog.
 */
public record ModelCatalog(List<ProviderModel> models) {

    public ModelCatalog {
        models = List.copyOf(models);
    }

    public static ModelCatalog of(DiscoveryReport discovery, BackendTlsPlan tls) {
        Map<String, List<ResolvedEndpoint>> byModel = new TreeMap<>();
        for (ResolvedEndpoint endpoint : discovery.resolved()) {
            byModel.computeIfAbsent(endpoint.spec().model(), m -> new ArrayList<>()).add(endpoint);
        }
        List<ProviderModel> models = new ArrayList<>();
        byModel.forEach((model, endpoints) -> models.add(model(model, endpoints, tls)));
        return new ModelCatalog(models);
    }

    private static ProviderModel model(String name, List<ResolvedEndpoint> endpoints, BackendTlsPlan tls) {
        List<BackendRef> backends = new ArrayList<>();
        Map<String, Lora> loras = new LinkedHashMap<>();
        String family = "";
        boolean thinks = false;
        for (ResolvedEndpoint endpoint : endpoints) {
            EndpointSpec spec = endpoint.spec();
            backends.add(new BackendRef(spec.name(), endpoint.address(), endpoint.port(),
                    tls.forEndpoint(spec.name()).orElse(null), spec.weight()));
            spec.loras().forEach(lora -> loras.putIfAbsent(lora.name(), lora));
            if (family.isEmpty()) {
                family = spec.reasoningFamily();
            }
            thinks |= spec.useReasoning();
        }
        return new ProviderModel(name, backends, List.copyOf(loras.values()), family, thinks);
    }

    public Optional<ProviderModel> defaultModel() {
        return models.stream().findFirst();
    }

    public Optional<ProviderModel> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
