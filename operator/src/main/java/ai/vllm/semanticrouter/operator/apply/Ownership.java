package ai.vllm.semanticrouter.operator.apply;

/** The identity the operator stamps on what it manages (see docs/contracts.md). */
public final class Ownership {
    public static final String FIELD_MANAGER = "semantic-router-operator";
    public static final String RESOURCE_ANNOTATION = "semanticrouter.vllm.ai/resource";
    public static final String NAME_LABEL = "app.kubernetes.io/name";
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String NAME_VALUE = "semantic-router";
    public static final String MANAGED_BY_VALUE = "semantic-router-operator";
    /**
     * On an object in another namespace than its CR's (an Istio EnvoyFilter beside its Gateway, a
     * ReferenceGrant beside a backend): the CR's namespace. Such an object cannot have an owner
     * reference, so the operator deletes it itself when the CR is gone.
     */
    public static final String OWNER_NAMESPACE_LABEL = "semanticrouter.vllm.ai/owner-namespace";
    /** The label selector of every informer on managed kinds. */
    public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY_VALUE;
    public static final String CR_API_VERSION = "vllm.ai/v1alpha1";
    public static final String CR_KIND = "SemanticRouter";

    private Ownership() {
    }
}
