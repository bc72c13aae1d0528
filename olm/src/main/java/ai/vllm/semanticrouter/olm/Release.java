package ai.vllm.semanticrouter.olm;

/**
 * What one generated release points at. Fixed values (not the clock or the environment) so that
 * generating twice gives the same bytes and the drift check can compare them.
 *
 * @param version       the operator and bundle version (semver)
 * @param operatorImage the operator image the Deployment and the CSV run
 * @param bundleImage   the bundle image the catalog's olm.bundle points at
 * @param catalogImage  the catalog image the CatalogSource serves
 * @param createdAt     the CSV's createdAt annotation (date of this release)
 */
public record Release(String version, String operatorImage, String bundleImage, String catalogImage,
                      String createdAt) {

    public static final String REGISTRY = "ghcr.io/vllm-project";

    public static Release current() {
        String version = "0.1.0";
        return new Release(version,
                REGISTRY + "/semantic-router-operator:" + version,
                REGISTRY + "/semantic-router-operator-bundle:" + version,
                REGISTRY + "/semantic-router-operator-catalog:" + version,
                "2026-11-25T00:00:00Z");
    }

    public String csvName() {
        return Identity.PACKAGE + ".v" + version;
    }
}
