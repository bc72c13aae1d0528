package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The API server is the judge: every invalid-CR case of the compositions module is rejected at
 * admission with a message naming the field; every sample and the seed's inline examples are accepted.
 */
class AdmissionIT {
    private static final Path INVALID_CASES = Path.of("../compositions/src/test/resources/invalid-crs");
    private static final Path SEED_EXAMPLES = Path.of("../compositions/src/test/resources/seed-examples");
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    private static String namespace;

    @BeforeAll
    static void installCrd() {
        Routers.installCrd(CLIENT);
        namespace = API.newNamespace("admission");
    }

    static Stream<Path> invalidCases() throws IOException {
        try (Stream<Path> files = Files.list(INVALID_CASES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void thereAreAtLeastNineteenInvalidCases() throws IOException {
        assertThat(invalidCases().count()).isGreaterThanOrEqualTo(19);
    }

    @ParameterizedTest(name = "rejected: {0}")
    @MethodSource("invalidCases")
    void invalidCrIsRejectedWithAMessageNamingTheField(Path file) throws IOException {
        String text = Files.readString(file);
        String expect = text.lines().filter(l -> l.startsWith("# expect:")).findFirst()
                .orElseThrow(() -> new AssertionError(file + " has no '# expect: <field> | <message>' line"))
                .substring("# expect:".length());
        String[] parts = expect.split("\\|", 2);
        String field = parts[0].trim();
        String fragment = parts.length > 1 ? parts[1].trim() : "";

        KubernetesClientException rejection = catchThrowableOfType(KubernetesClientException.class,
                () -> create(text, "invalid-" + file.getFileName().toString().replace(".yaml", "")));

        assertThat(rejection).as("%s must be rejected", file.getFileName()).isNotNull();
        assertThat(rejection.getCode()).isEqualTo(422);
        String message = rejection.getMessage();
        assertThat(message).as("message of %s", file.getFileName()).contains(lastSegment(field));
        if (!fragment.isEmpty()) {
            assertThat(message).contains(fragment);
        }
    }

    static Stream<String> samples() {
        return Routers.SAMPLES.stream();
    }

    @ParameterizedTest(name = "accepted: sample {0}")
    @MethodSource("samples")
    void everySampleIsAccepted(String sample) {
        GenericKubernetesResource router = new Routers(CLIENT).sample(sample, namespace);
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).resource(router).dryRun().create();
    }

    static Stream<Path> seedExamples() throws IOException {
        if (!Files.isDirectory(SEED_EXAMPLES)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(SEED_EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "accepted: seed example {0}")
    @MethodSource("seedExamples")
    void seedExamplesAreAcceptedAsTheyAre(Path file) throws IOException {
        create(Files.readString(file), "seed-" + file.getFileName().toString().replace(".yaml", ""));
    }

    private static void create(String yaml, String name) {
        GenericKubernetesResource router = CLIENT.genericKubernetesResources(Routers.CONTEXT)
                .load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).item();
        router.getMetadata().setNamespace(namespace);
        router.getMetadata().setName(name.toLowerCase().replaceAll("[^a-z0-9-]", "-"));
        CLIENT.genericKubernetesResources(Routers.CONTEXT).inNamespace(namespace).resource(router).dryRun().create();
    }

    private static String lastSegment(String fieldPath) {
        String[] segments = fieldPath.split("\\.");
        return segments[segments.length - 1].replaceAll("\\[.*]", "");
    }
}
