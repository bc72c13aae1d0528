package ai.vllm.semanticrouter.it.support;

import ai.vllm.semanticrouter.operator.runtime.OperatorOptions;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.UnaryOperator;

/**
 * A JUnit extension for a test class that needs the operator running on the shared API server with
 * the SemanticRouter CRD installed: {@code @RegisterExtension static final RunningOperator OPERATOR =
 * RunningOperator.onSharedServer();}. Started before the class, stopped after it, so test classes
 * never have two operators reconciling the same routers.
 */
public final class RunningOperator implements BeforeAllCallback, AfterAllCallback {
    private final UnaryOperator<OperatorOptions> options;
    private OperatorUnderTest operator;

    private RunningOperator(UnaryOperator<OperatorOptions> options) {
        this.options = options;
    }

    public static RunningOperator onSharedServer() {
        return new RunningOperator(UnaryOperator.identity());
    }

    public static RunningOperator onSharedServer(UnaryOperator<OperatorOptions> options) {
        return new RunningOperator(options);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        KubernetesClient client = ApiServer.shared().client();
        Routers.installCrd(client);
        Manifests.installCrds(client, "crds/kserve-inferenceservice-crd.yaml");
        operator = OperatorUnderTest.start(client, options);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        operator.close();
    }

    public OperatorUnderTest operator() {
        return operator;
    }
}
