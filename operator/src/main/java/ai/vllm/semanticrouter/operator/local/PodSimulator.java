package ai.vllm.semanticrouter.operator.local;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * Plays the kubelet and the Deployment controller, which an embedded API server does not run:
 * reports every replica of a Deployment as ready, so the operator's status logic can be watched.
 */
public final class PodSimulator {
    private PodSimulator() {
    }

    /** Sets the Deployment's status as if all its pods were running and ready; false when it does not exist yet. */
    public static boolean markReady(KubernetesClient client, String namespace, String name) {
        Deployment deployment = client.apps().deployments().inNamespace(namespace).withName(name).get();
        if (deployment == null) {
            return false;
        }
        Integer desired = deployment.getSpec().getReplicas();
        int replicas = desired == null ? 1 : desired;
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(replicas).withReadyReplicas(replicas).withAvailableReplicas(replicas)
                .withUpdatedReplicas(replicas)
                .addNewCondition().withType("Available").withStatus("True").withReason("MinimumReplicasAvailable")
                .withMessage("Deployment has minimum availability.").endCondition()
                .build());
        client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
        return true;
    }
}
