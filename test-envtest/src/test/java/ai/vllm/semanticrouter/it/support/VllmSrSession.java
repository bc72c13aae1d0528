package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * One long-lived vllm-sr CLI process (provision/vllm-sr-session.py) that runs the same command on
 * many files: vllm-sr 0.4.0 spends 20-40 s parsing its built-in model catalog at every start, and
 * keeps it cached within a process.
 */
final class VllmSrSession {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path venv;
    private final List<String> command;
    private Process process;
    private Writer requests;
    private BufferedReader answers;
    private Path log;

    VllmSrSession(Path venv, List<String> command) {
        this.venv = venv;
        this.command = command;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "vllm-sr-session-stop"));
    }

    /** Exit code and output of `vllm-sr <command> <file>`. */
    synchronized ValidatorProcess run(Path file) {
        try {
            start();
            requests.write(file.toString() + "\n");
            requests.flush();
            String line = CompletableFuture.supplyAsync(this::readAnswer)
                    .get(ValidatorProcess.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                String why = Files.exists(log) ? Files.readString(log) : "";
                close();
                return new ValidatorProcess(-1, "", "the vllm-sr session in " + venv + " ended: " + why);
            }
            JsonNode answer = JSON.readTree(line);
            return new ValidatorProcess(answer.path("exit").asInt(-1), answer.path("output").asText(), "");
        } catch (IOException | ExecutionException e) {
            close();
            return new ValidatorProcess(-1, "", "the vllm-sr session in " + venv + " failed: " + e.getMessage());
        } catch (TimeoutException e) {
            close();
            return new ValidatorProcess(-1, "", "vllm-sr did not answer within " + ValidatorProcess.TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            return new ValidatorProcess(-1, "", "interrupted while waiting for vllm-sr");
        }
    }

    private void start() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        log = Files.createTempFile("vllm-sr-session", ".log");
        log.toFile().deleteOnExit();
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of(venv.resolve("bin/python").toString(),
                venv.resolve("bin/vllm-sr-session.py").toString()), command.stream()).toList());
        builder.environment().putAll(ValidatorProcess.quietPython());
        builder.redirectError(log.toFile());
        process = builder.start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private String readAnswer() {
        try {
            return answers.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    synchronized void close() {
        if (process != null) {
            process.destroy();
            process = null;
        }
    }
}
