package ai.vllm.semanticrouter.olm;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes the install manifests, the OLM bundle and the catalog into {@code olm/generated/}, all
 * derived from the compositions module's CRD, compositions and samples.
 *
 * <pre>Generate [--repo-root DIR] [--out DIR] [--check]</pre>
 * {@code --check} writes nothing and exits 1 when the folder differs from what would be written.
 */
public final class Generate {
    public static final Path OUTPUT = Path.of("olm", "generated");

    private Generate() {
    }

    /** Everything the generator writes, from these inputs. */
    public static GeneratedTree tree(ApiSources sources, Release release) {
        CrdFacts crd = CrdFacts.of(sources.crd().text());
        List<ApiResource> produced = CompositionKinds.of(sources.compositions());
        boolean routeSetsHost = CompositionKinds.writesField(sources.compositions(), "Route", "spec.host");
        List<PolicyRule> clusterRules = Permissions.clusterRules(produced, crd.group(), crd.plural(), routeSetsHost);
        InstallObjects objects = new InstallObjects(release, clusterRules);
        Map<String, String> images = RelatedImages.of(release.operatorImage(), crd, sources.compositions());
        ObjectNode csv = new ClusterServiceVersion(release, crd, produced, clusterRules,
                Samples.almExamples(crd, sources.samples()), images).build();

        GeneratedTree tree = new GeneratedTree();
        List<PolicyRule> extensionRules = Permissions.extensionRules(
                CompositionKinds.ofExtensions(sources.compositions(), sources.extensions()), produced);
        KustomizeLayout.write(tree, sources, objects, crd, extensionRules);
        BundleLayout.write(tree, release, sources, csv, objects);
        CatalogLayout.write(tree, release, crd, csv, images);
        OpenShiftLayout.write(tree, release, objects);
        return tree;
    }

    /** The repository root: the first folder upwards from {@code start} that holds both olm/ and compositions/. */
    public static Path repositoryRoot(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("olm")) && Files.isDirectory(dir.resolve("compositions"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root (a folder with olm/ and compositions/) above " + start);
    }

    public static void main(String[] args) {
        Path root = null;
        Path out = null;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--repo-root" -> root = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--check" -> check = true;
                default -> {
                    System.err.println("usage: Generate [--repo-root DIR] [--out DIR] [--check]");
                    System.exit(2);
                }
            }
        }
        root = repositoryRoot(root != null ? root : Path.of(""));
        out = out != null ? out : root.resolve(OUTPUT);
        GeneratedTree tree = tree(ApiSources.fromDirectory(root.resolve(ApiSources.SOURCE_FOLDER)), Release.current());
        if (check) {
            GeneratedTree.Drift drift = tree.differences(GeneratedTree.read(out));
            if (!drift.none()) {
                System.err.println(out + " is stale (" + drift + "); run `make manifests`");
                System.exit(1);
            }
            System.out.println(out + " is up to date (" + tree.files().size() + " files)");
            return;
        }
        tree.writeTo(out);
        System.out.println("wrote " + tree.files().size() + " files under " + out);
    }
}
