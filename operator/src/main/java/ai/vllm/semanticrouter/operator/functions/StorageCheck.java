package ai.vllm.semanticrouter.operator.functions;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;

/**
 * Checks that the StorageClass the PVC needs exists. A missing named class blocks only the PVC
 * ({@code environment.storage.pvcAllowed=false}); everything else is still applied. A PVC that needs
 * the cluster's default class in a cluster that has none is still created (the class it gets is
 * assigned when a default appears), and the verdict says it stays Pending until then. A created
 * single-node volume shared by several pods is reported too ({@link VolumeSharing}).
 */
public final class StorageCheck {
    public static final String STORAGE_CLASS_API = "storage.k8s.io/v1";
    public static final String STORAGE_CLASS_KIND = "StorageClass";
    /** The annotations that mark the cluster's default class (GA and the beta one older clusters use). */
    static final List<String> DEFAULT_CLASS_ANNOTATIONS = List.of("storageclass.kubernetes.io/is-default-class",
            "storageclass.beta.kubernetes.io/is-default-class");

    /** What the check reads: StorageClasses, by name or the default one. */
    public static final List<Dependency> DEPENDENCIES = List.of(new Dependency(STORAGE_CLASS_API, STORAGE_CLASS_KIND,
            StorageCheck::classesRead));

    private final ClusterView view;

    public StorageCheck(ClusterView view) {
        this.view = view;
    }

    public StorageVerdict check(JsonNode cr) {
        JsonNode persistence = cr.path("spec").path("persistence");
        if (persistence.isMissingNode() || !persistence.path("enabled").asBoolean(true)) {
            return StorageVerdict.ready("PersistenceDisabled", "Persistence is disabled: models use an emptyDir");
        }
        String existingClaim = persistence.path("existingClaim").asText("");
        if (!existingClaim.isEmpty()) {
            return StorageVerdict.ready("ExistingClaim", "Using the existing claim " + existingClaim);
        }
        StorageVerdict classVerdict = storageClass(cr, persistence);
        return classVerdict.ready() ? VolumeSharing.check(cr).orElse(classVerdict) : classVerdict;
    }

    private StorageVerdict storageClass(JsonNode cr, JsonNode persistence) {
        String className = persistence.path("storageClassName").asText("");
        String pvc = cr.path("metadata").path("name").asText() + "-models";
        if (className.isEmpty()) {
            return defaultClass(pvc);
        }
        if (view.get(STORAGE_CLASS_API, STORAGE_CLASS_KIND, null, className).isPresent()) {
            return StorageVerdict.ready("StorageClassFound", "StorageClass \"" + className + "\" exists");
        }
        return new StorageVerdict(false, false, className, "StorageClassNotFound",
                "StorageClass \"" + className + "\" not found: the PersistentVolumeClaim " + pvc
                        + " is not created until it exists");
    }

    /**
     * The StorageClasses the CR's verdict depends on: the class it names, or every class when its PVC
     * relies on the cluster's default (any class may become the default); none without a PVC to create.
     */
    static List<Dependency.Target> classesRead(JsonNode cr) {
        JsonNode persistence = cr.path("spec").path("persistence");
        String named = persistence.path("storageClassName").asText("");
        if (!named.isEmpty()) {
            return List.of(Dependency.Target.named("", named));
        }
        boolean needsDefault = !persistence.isMissingNode() && persistence.path("enabled").asBoolean(true)
                && persistence.path("existingClaim").asText("").isEmpty();
        return needsDefault ? List.of(Dependency.Target.anyIn("")) : List.of();
    }

    private StorageVerdict defaultClass(String pvc) {
        Optional<String> defaultClass = view.list(STORAGE_CLASS_API, STORAGE_CLASS_KIND, null).stream()
                .filter(StorageCheck::isDefault)
                .map(c -> c.path("metadata").path("name").asText())
                .sorted().findFirst();
        if (defaultClass.isPresent()) {
            return StorageVerdict.ready("DefaultStorageClass",
                    "The PVC uses the cluster's default StorageClass \"" + defaultClass.get() + "\"");
        }
        return new StorageVerdict(true, false, "", "NoDefaultStorageClass",
                "spec.persistence.storageClassName is empty and the cluster has no default StorageClass: the"
                        + " PersistentVolumeClaim " + pvc + " stays Pending until a StorageClass is marked default"
                        + " (annotation " + DEFAULT_CLASS_ANNOTATIONS.get(0) + "=true) or the field names a class");
    }

    private static boolean isDefault(JsonNode storageClass) {
        JsonNode annotations = storageClass.path("metadata").path("annotations");
        return DEFAULT_CLASS_ANNOTATIONS.stream().anyMatch(a -> "true".equals(annotations.path(a).asText()));
    }
}
