package ai.vllm.semanticrouter.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * kstatus as kpt, Flux and other GitOps health checks compute it, by the real library: the Go
 * program of validators/kstatus (sigs.k8s.io/cli-utils, pinned in its go.mod), built by its
 * build.sh into ~/.cache/semantic-router-operator/bin. It reads objects as the API server returns
 * them; an object the API server answers 404 for is sent as {@code {"notFound": identity}}.
 */
public final class Kstatus {
    private static final Kstatus SHARED = new Kstatus(ValidatorProcess.binary("kstatus"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path binary;

    /**
     * status is one of Current, InProgress, Failed, Terminating, NotFound, Unknown; reason that of the
     * condition kstatus computed (Stalled, Reconciling), or empty; error when the tool could not answer.
     */
    public record Result(String status, String message, String reason, String error) {
        public String describe() {
            return error.isEmpty() ? "kstatus " + status + (reason.isEmpty() ? "" : " (" + reason + ")") + ": " + message
                    : "kstatus failed: " + error;
        }
    }

    private Kstatus(Path binary) {
        this.binary = binary;
    }

    public static Kstatus at(Path binary) {
        return new Kstatus(binary);
    }

    /** The binary build.sh makes (SEMANTIC_ROUTER_OPERATOR_BIN, else ~/.cache/semantic-router-operator/bin). */
    public static Kstatus shared() {
        return SHARED;
    }

    /** Reads the object from the API server, as a kstatus poller does, and computes its status (NotFound when gone). */
    public Result read(KubernetesClient client, ResourceDefinitionContext type, String namespace, String name) {
        GenericKubernetesResource object = client.genericKubernetesResources(type).inNamespace(namespace).withName(name).get();
        return object != null ? of(object) : of(notFound(type, namespace, name));
    }

    public Result of(GenericKubernetesResource object) {
        return of((JsonNode) JSON.valueToTree(object));
    }

    public Result of(JsonNode object) {
        return ofAll(List.of(object)).get(0);
    }

    /** One result per object, in order, from one run of the tool. */
    public List<Result> ofAll(List<JsonNode> objects) {
        if (!Files.isExecutable(binary)) {
            return failed(objects.size(), "the kstatus tool " + binary + " is not built: run "
                    + "test-envtest/validators/kstatus/build.sh (mvn verify runs it before the integration tests)");
        }
        StringBuilder input = new StringBuilder();
        objects.forEach(o -> input.append(o.toString()).append('\n'));
        ValidatorProcess run = ValidatorProcess.run(List.of(binary.toString()), input.toString(), Map.of());
        List<String> answers = ValidatorProcess.lines(run.stdout());
        if (answers.size() != objects.size()) {
            return failed(objects.size(), "the kstatus tool gave " + answers.size() + " answers to " + objects.size()
                    + " objects (exit code " + run.exitCode() + "): " + run.stderr().strip());
        }
        List<Result> results = new ArrayList<>();
        for (String answer : answers) {
            results.add(parse(answer));
        }
        return results;
    }

    /** What the tool is sent for an object the API server answered 404 for. */
    public static JsonNode notFound(ResourceDefinitionContext type, String namespace, String name) {
        String apiVersion = type.getGroup() == null || type.getGroup().isEmpty() ? type.getVersion()
                : type.getGroup() + "/" + type.getVersion();
        return JSON.createObjectNode().set("notFound", JSON.createObjectNode().put("apiVersion", apiVersion)
                .put("kind", type.getKind()).put("namespace", namespace).put("name", name));
    }

    private static Result parse(String answer) {
        try {
            JsonNode node = JSON.readTree(answer);
            return new Result(node.path("status").asText(), node.path("message").asText(),
                    node.path("reason").asText(), node.path("error").asText());
        } catch (IOException e) {
            return new Result("", "", "", "the kstatus tool printed a line that is not JSON: " + answer);
        }
    }

    private static List<Result> failed(int count, String problem) {
        return Collections.nCopies(count, new Result("", "", "", problem));
    }
}
