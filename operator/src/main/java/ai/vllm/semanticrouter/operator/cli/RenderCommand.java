package ai.vllm.semanticrouter.operator.cli;

import ai.vllm.semanticrouter.engine.RenderError;
import ai.vllm.semanticrouter.engine.TraceEntry;
import ai.vllm.semanticrouter.engine.schema.SchemaViolation;
import ai.vllm.semanticrouter.operator.apply.Inventory;
import ai.vllm.semanticrouter.operator.apply.Ownership;
import ai.vllm.semanticrouter.operator.catalog.CompositionCatalog;
import ai.vllm.semanticrouter.operator.controller.RenderPass;
import ai.vllm.semanticrouter.operator.crd.CrAdmission;
import ai.vllm.semanticrouter.operator.functions.Platform;
import ai.vllm.semanticrouter.operator.functions.StaticClusterView;
import ai.vllm.semanticrouter.operator.functions.gateway.GatewayImplementation;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code render}: the objects the operator would apply for a CR, offline and deterministic. Same
 * path as the live operator, with the cluster read from {@code --cluster} instead of informers.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the objects the operator would apply for a SemanticRouter, as multi-document YAML.")
final class RenderCommand implements Callable<Integer> {
    private static final java.util.Set<String> CLUSTER_SCOPED = java.util.Set.of("StorageClass", "Namespace",
            "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "IngressClass", "GatewayClass");
    /** The template of the ConfigMap that carries config.yaml. */
    private static final String CONFIG_TEMPLATE = "config";
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--filename"}, required = true, description = "The SemanticRouter YAML file.")
    Path crFile;

    @Option(names = "--platform", description = "kubernetes or openshift (default: openshift if the cluster file "
            + "holds route.openshift.io objects, else kubernetes).")
    String platform;

    @Option(names = "--cluster", description = "Multi-document YAML of existing objects (Services, "
            + "InferenceServices, StorageClasses, ...) that discovery and the storage check read. Other documents "
            + "of the CR file count as existing objects too.")
    Path clusterFile;

    @Option(names = "--explain", description = "Precede each object with comments: the environment and, "
            + "for each field written, the composition file:line and patch that wrote it.")
    boolean explain;

    @Option(names = "--compositions-dir", description = "Directory of user compositions, loaded beside the "
            + "built-in ones (repeatable).")
    List<Path> compositionDirs = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ObjectNode cr = readCr(err);
        if (cr == null) {
            return 1;
        }
        CompositionCatalog catalog = CompositionCatalog.load(compositionDirs);
        if (!catalog.errors().isEmpty()) {
            catalog.errors().forEach(e -> err.println(e.format()));
            return 1;
        }
        StaticClusterView view = clusterView(cr);
        Platform chosen = platform == null ? Platform.detect(view) : Platform.parse(platform);
        RenderPass pass = new RenderPass(catalog.set(), view);
        RenderPass.Plan plan = pass.plan(cr, chosen,
                Inventory.of(view, pass.producedKinds(), pass.foreignKinds(), cr).byResourceName());
        print(plan, out);
        for (RenderError error : plan.result().errors()) {
            err.println("error: " + error.format());
        }
        out.flush();
        return plan.result().errors().isEmpty() ? 0 : 1;
    }

    /**
     * The --cluster objects, plus the other documents of the CR file (a sample may carry the
     * Services it discovers): applying that file creates them too. Namespace defaults to the CR's.
     */
    private StaticClusterView clusterView(ObjectNode cr) {
        StaticClusterView view = new StaticClusterView();
        List<ObjectNode> objects = new ArrayList<>(YamlDocuments.read(crFile));
        objects.removeIf(o -> Ownership.CR_KIND.equals(o.path("kind").asText()));
        if (clusterFile != null) {
            objects.addAll(YamlDocuments.read(clusterFile));
        }
        String namespace = cr.path("metadata").path("namespace").asText();
        for (ObjectNode object : objects) {
            ObjectNode metadata = object.withObjectProperty("metadata");
            if (metadata.path("namespace").asText("").isEmpty() && !CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                metadata.put("namespace", namespace);
            }
            view.put(object);
        }
        GatewayImplementation.assumeInstalled(view);
        return view;
    }

    private ObjectNode readCr(PrintWriter err) {
        ObjectNode raw = YamlDocuments.read(crFile).stream()
                .filter(o -> Ownership.CR_KIND.equals(o.path("kind").asText()))
                .findFirst().orElse(null);
        if (raw == null) {
            err.println("error: " + crFile + " holds no " + Ownership.CR_KIND);
            return null;
        }
        CrAdmission.Admitted admitted = CrAdmission.fromClasspath().admit(raw);
        admitted.droppedFields().forEach(f -> err.println("warning: unknown field " + f + " is dropped"));
        if (!admitted.violations().isEmpty()) {
            for (SchemaViolation violation : admitted.violations()) {
                err.println("error: " + crFile + ": " + violation.fieldPath() + ": " + violation.message());
            }
            return null;
        }
        return withIdentityDefaults(admitted.cr());
    }

    /** What the API server would set: namespace "default" and generation 1. */
    private static ObjectNode withIdentityDefaults(ObjectNode cr) {
        ObjectNode metadata = cr.withObjectProperty("metadata");
        if (metadata.path("namespace").asText("").isEmpty()) {
            metadata.put("namespace", "default");
        }
        if (!metadata.has("generation")) {
            metadata.put("generation", 1);
        }
        return cr;
    }

    private void print(RenderPass.Plan plan, PrintWriter out) {
        if (explain) {
            out.println("# environment: " + plan.environment().toJson());
        }
        boolean first = true;
        for (RenderPass.Intent intent : plan.intents()) {
            if (!first || explain) {
                out.println("---");
            }
            first = false;
            if (explain) {
                explain(intent, plan, out);
            }
            out.print(YamlDocuments.write(intent.object()));
        }
    }

    private static void explain(RenderPass.Intent intent, RenderPass.Plan plan, PrintWriter out) {
        out.println("# resource " + intent.rendered().name() + " (composition " + intent.rendered().compositionName() + ")");
        if (intent.rendered().name().equals(CONFIG_TEMPLATE)) {
            var trace = plan.environment().router().trace();
            trace.features().forEach(f -> out.println("#   acts on requests: " + f));
            trace.origins().forEach(o -> out.println("#   config.yaml " + o.format()));
        }
        for (TraceEntry entry : plan.result().trace()) {
            if (entry.resourceName().equals(intent.rendered().name())) {
                out.println("#   " + entry.fieldPath() + " <- " + entry.origin() + ":" + entry.line() + " " + entry.patch());
            }
        }
    }
}
