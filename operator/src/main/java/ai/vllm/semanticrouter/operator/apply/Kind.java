package ai.vllm.semanticrouter.operator.apply;

/** An apiVersion and kind, e.g. apps/v1 Deployment. */
public record Kind(String apiVersion, String kind) {
    public static final Kind PERSISTENT_VOLUME_CLAIM = new Kind("v1", "PersistentVolumeClaim");
    public static final Kind DEPLOYMENT = new Kind("apps/v1", "Deployment");
    public static final Kind ROUTE = new Kind("route.openshift.io/v1", "Route");

    public String group() {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    @Override
    public String toString() {
        return apiVersion + " " + kind;
    }
}
