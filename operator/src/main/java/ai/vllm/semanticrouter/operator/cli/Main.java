package ai.vllm.semanticrouter.operator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code semantic-router-operator} command line: {@code run}, {@code render}, {@code validate}, ... */
@Command(name = "semantic-router-operator", mixinStandardHelpOptions = true, version = "semantic-router-operator 0.1.0",
        description = "Kubernetes operator for the vLLM Semantic Router, driven by compositions.")
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command tree; a new subcommand is one more {@code addSubcommand} line. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand(new RunCommand());
        commandLine.addSubcommand(new RenderCommand());
        commandLine.addSubcommand(new ValidateCommand());
        commandLine.addSubcommand(new ai.vllm.semanticrouter.operator.local.LocalCommand());
        commandLine.addSubcommand(new CommandLine.HelpCommand());
        return commandLine;
    }

    @Override
    public void run() {
        commandLine().usage(System.out);
    }
}
