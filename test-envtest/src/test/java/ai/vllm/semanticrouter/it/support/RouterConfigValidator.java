package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a router config.yaml with the router project's own CLI for its dialect (vllm-sr from PyPI,
 * provisioned by provision/router-validators.sh); the flat format, which no CLI validates any
 * more, only by its shape.
 */
public final class RouterConfigValidator {
    private static final RouterConfigValidator SHARED = new RouterConfigValidator(ValidatorProcess.cacheDir());
    private static final YAMLMapper YAML = new YAMLMapper();
    private final Path cache;
    private VllmSrSession v04Session;

    /** What the validator said: ok when it accepted the file (exit code 0), and its output. */
    public record Result(boolean ok, RouterConfigDialect dialect, String validator, List<String> output) {
        public String describe() {
            return dialect.label() + " config " + (ok ? "accepted" : "rejected") + " by " + validator
                    + (output.isEmpty() ? "" : ":\n  " + String.join("\n  ", output));
        }
    }

    RouterConfigValidator(Path cache) {
        this.cache = cache;
    }

    /** Validators whose venvs are in {@code cache} (vllm-sr-0.3.0/, vllm-sr-0.4.0/). */
    public static RouterConfigValidator in(Path cache) {
        return new RouterConfigValidator(cache);
    }

    /** One per test JVM: the vllm-sr 0.4.0 session is started once and reused. */
    public static RouterConfigValidator shared() {
        return SHARED;
    }

    /** Validates {@code configYaml} as dialect {@code flat}, {@code v0.3} or {@code v0.4}. */
    public Result validate(String configYaml, String dialect) {
        RouterConfigDialect parsed = RouterConfigDialect.parse(dialect);
        return switch (parsed) {
            case FLAT -> flat(configYaml);
            case V0_3 -> inOwnProcess(configYaml, parsed);
            case V0_4 -> inSession(configYaml);
        };
    }

    /** Like {@link #validate} but always a fresh `vllm-sr` process, exactly as a user runs it. */
    public Result validateInOwnProcess(String configYaml, String dialect) {
        RouterConfigDialect parsed = RouterConfigDialect.parse(dialect);
        return parsed == RouterConfigDialect.FLAT ? flat(configYaml) : inOwnProcess(configYaml, parsed);
    }

    private Result inOwnProcess(String configYaml, RouterConfigDialect dialect) {
        Cli cli = Cli.of(dialect);
        Path venv = venv(cli);
        String missing = missing(venv, cli);
        if (missing != null) {
            return new Result(false, dialect, cli.describe(), List.of(missing));
        }
        return withFile(configYaml, file -> {
            List<String> command = new ArrayList<>(List.of(venv.resolve("bin/vllm-sr").toString()));
            command.addAll(cli.words());
            command.add(file.toString());
            ValidatorProcess run = ValidatorProcess.run(command, null, ValidatorProcess.quietPython());
            return result(dialect, cli, run);
        });
    }

    private synchronized Result inSession(String configYaml) {
        Cli cli = Cli.of(RouterConfigDialect.V0_4);
        Path venv = venv(cli);
        String missing = missing(venv, cli);
        if (missing != null) {
            return new Result(false, RouterConfigDialect.V0_4, cli.describe(), List.of(missing));
        }
        if (v04Session == null) {
            v04Session = new VllmSrSession(venv, cli.words());
        }
        return withFile(configYaml, file -> result(RouterConfigDialect.V0_4, cli, v04Session.run(file)));
    }

    private static Result result(RouterConfigDialect dialect, Cli cli, ValidatorProcess run) {
        List<String> output = new ArrayList<>(ValidatorProcess.lines(run.stdout()));
        output.addAll(ValidatorProcess.lines(run.stderr()));
        if (run.exitCode() != 0 && run.exitCode() != 1) {
            output.add("(exit code " + run.exitCode() + ")");
        }
        return new Result(run.exitCode() == 0, dialect, cli.describe(), List.copyOf(output));
    }

    /** The legacy format: top-level vllm_endpoints or bert_model, and none of the canonical keys. */
    private static Result flat(String configYaml) {
        List<String> problems = new ArrayList<>();
        JsonNode config;
        try {
            config = YAML.readTree(configYaml);
        } catch (IOException e) {
            return new Result(false, RouterConfigDialect.FLAT, "the flat-format check",
                    List.of("not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        if (config == null || !config.isObject()) {
            problems.add("the document is not a mapping");
        } else {
            if (!config.has("vllm_endpoints") && !config.has("bert_model")) {
                problems.add("neither vllm_endpoints nor bert_model at the top level");
            }
            for (String canonical : List.of("version", "routing", "global")) {
                if (config.has(canonical)) {
                    problems.add("top-level '" + canonical + "' belongs to the canonical v0.3 format");
                }
            }
        }
        return new Result(problems.isEmpty(), RouterConfigDialect.FLAT, "the flat-format check", List.copyOf(problems));
    }

    private Path venv(Cli cli) {
        return cache.resolve("vllm-sr-" + cli.version());
    }

    private static String missing(Path venv, Cli cli) {
        boolean ready = Files.isExecutable(venv.resolve("bin/vllm-sr"))
                && Files.isRegularFile(venv.resolve("bin/vllm-sr-session.py"))
                && Files.isRegularFile(venv.resolve(".provisioned.sha256"));
        return ready ? null : "vllm-sr " + cli.version() + " is not provisioned in " + venv
                + ": run test-envtest/provision/router-validators.sh (mvn verify runs it before the integration tests)";
    }

    private interface FileCheck {
        Result check(Path file);
    }

    private static Result withFile(String text, FileCheck check) {
        Path file = null;
        try {
            file = Files.createTempFile("router-config", ".yaml");
            Files.writeString(file, text);
            return check.check(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                file.toFile().delete();
            }
        }
    }

    /** The vllm-sr release and command that speak a dialect. */
    private record Cli(String version, List<String> words) {
        static Cli of(RouterConfigDialect dialect) {
            return switch (dialect) {
                case V0_3 -> new Cli("0.3.0", List.of("validate", "--config"));
                case V0_4 -> new Cli("0.4.0", List.of("config", "validate", "--config"));
                case FLAT -> throw new IllegalArgumentException("no CLI validates the flat format");
            };
        }

        String describe() {
            return "vllm-sr " + version + " `" + String.join(" ", words) + "`";
        }
    }
}
