package ai.vllm.semanticrouter.operator.functions.router;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A credential the router reads from its environment: an env var of the router container taken
 * from a Secret key ({@code secretKeyRef}), referenced in config.yaml as {@code ${NAME}}. The
 * value never enters the ConfigMap, and the operator never reads the Secret.
 */
public record SecretEnv(String name, String secretName, String key, boolean optional) {

    public String reference() {
        return "${" + name + "}";
    }

    /** A core EnvVar of the router container. */
    public ObjectNode toEnvVar() {
        ObjectNode var = JsonNodeFactory.instance.objectNode();
        var.put("name", name);
        ObjectNode ref = var.putObject("valueFrom").putObject("secretKeyRef");
        ref.put("name", secretName);
        ref.put("key", key);
        if (optional) {
            ref.put("optional", true);
        }
        return var;
    }
}
