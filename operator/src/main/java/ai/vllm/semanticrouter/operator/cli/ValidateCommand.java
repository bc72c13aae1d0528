package ai.vllm.semanticrouter.operator.cli;

import ai.vllm.semanticrouter.engine.LoadError;
import ai.vllm.semanticrouter.operator.catalog.CompositionCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code validate}: lints composition files offline, as {@code run --compositions-dir} would load
 * them beside the built-in ones (a name clash with a built-in is an error), checked against the
 * SemanticRouter CRD: compositeTypeRef, and every field read from the CR, with the nearest valid name.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Lint composition files; print every error as file:line:column: message. Exit 1 on errors.",
                "Checked against the SemanticRouter CRD: compositeTypeRef must name SemanticRouter (vllm.ai/v1alpha1), "
                        + "and every field path and CEL reference into the CR must exist in its schema."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--without-built-ins", description = "Load only the given files (e.g. to lint the built-in "
            + "compositions themselves) instead of loading them beside the built-in ones.")
    boolean withoutBuiltIns;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories (or files) of compositions.")
    List<Path> directories = new ArrayList<>();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path directory : directories) {
            if (!Files.exists(directory)) {
                err.println(directory + ": no such file or directory");
                return 1;
            }
        }
        CompositionCatalog catalog = withoutBuiltIns ? CompositionCatalog.loadWithoutBuiltIns(directories)
                : CompositionCatalog.load(directories);
        for (LoadError error : catalog.errors()) {
            out.println(error.format());
        }
        int files = CompositionCatalog.fileCount(directories);
        long broken = catalog.errors().stream().map(LoadError::origin).distinct().count();
        err.println(files + " file(s) checked, " + broken + " with errors, " + catalog.errors().size() + " error(s)");
        out.flush();
        return catalog.errors().isEmpty() ? 0 : 1;
    }
}
