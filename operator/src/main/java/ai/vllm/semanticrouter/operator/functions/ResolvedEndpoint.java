package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A backend that discovery found: one entry of {@code environment.endpoints}. */
public record ResolvedEndpoint(EndpointSpec spec, String address, int port, boolean tls) {

    /** The Service discovery found: the first label of {@code address} (always {@code <service>.<namespace>.svc.cluster.local}). */
    public String serviceName() {
        return address.substring(0, address.indexOf('.'));
    }

    /** The Service's namespace: the second label of {@code address}. */
    public String serviceNamespace() {
        String rest = address.substring(address.indexOf('.') + 1);
        return rest.substring(0, rest.indexOf('.'));
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("name", spec.name());
        node.put("model", spec.model());
        if (!spec.reasoningFamily().isEmpty()) {
            node.put("reasoningFamily", spec.reasoningFamily());
        }
        node.put("address", address);
        node.put("port", port);
        node.put("weight", spec.weight());
        node.put("type", spec.backend().type());
        node.put("tls", tls);
        return node;
    }
}
