package ai.vllm.semanticrouter.operator.functions;

import ai.vllm.semanticrouter.operator.functions.models.ModelProvisioning;
import ai.vllm.semanticrouter.operator.functions.router.RouterConfig;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The functions that fill the environment, reading one {@link ClusterView}: the live operator and
 * {@code render} both call {@link #compute}, so they produce the same objects.
 */
public final class EnvironmentFunctions {
    private final BackendDiscovery discovery;
    private final StorageCheck storage;

    public EnvironmentFunctions(ClusterView view) {
        this.discovery = new BackendDiscovery(view);
        this.storage = new StorageCheck(view);
    }

    /** Every kind of object the functions read, with which CRs a change of one concerns. */
    public static List<Dependency> dependencies() {
        List<Dependency> all = new ArrayList<>(BackendDiscovery.DEPENDENCIES);
        all.addAll(StorageCheck.DEPENDENCIES);
        return List.copyOf(all);
    }

    public Environment compute(JsonNode cr, Platform platform) {
        DiscoveryReport backends = discovery.discover(cr);
        RouterConfig router = RouterConfig.of(cr, backends);
        return new Environment(platform, GatewayMode.of(cr), backends, storage.check(cr), router,
                ModelProvisioning.of(cr, router));
    }
}
