package ai.vllm.semanticrouter.operator.local;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

/**
 * The default StorageClass a real cluster has (kind's and minikube's are called {@code standard}) and
 * an embedded API server has not: without one, a PVC that names no class stays Pending and the
 * operator reports {@code StorageReady=False, NoDefaultStorageClass}.
 */
public final class DefaultStorageClass {
    public static final String NAME = "standard";
    static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

    private DefaultStorageClass() {
    }

    /** Creates (or keeps) the default class {@value #NAME}. */
    public static void ensure(KubernetesClient client) {
        StorageClass storageClass = new StorageClassBuilder().withNewMetadata().withName(NAME)
                .addToAnnotations(DEFAULT_ANNOTATION, "true").endMetadata()
                .withProvisioner("kubernetes.io/no-provisioner").withVolumeBindingMode("WaitForFirstConsumer").build();
        client.storage().v1().storageClasses().resource(storageClass).fieldManager("semantic-router-local")
                .forceConflicts().serverSideApply();
    }
}
