package ai.vllm.semanticrouter.it;

import ai.vllm.semanticrouter.it.support.ApiServer;
import ai.vllm.semanticrouter.it.support.Routers;
import ai.vllm.semanticrouter.it.support.RunningOperator;
import ai.vllm.semanticrouter.operator.cli.Main;
import ai.vllm.semanticrouter.operator.local.FakeBackends;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** `render` offline gives the same objects the live operator applies, for the same CR and cluster objects. */
class RenderMatchesOperatorIT {
    private static final ApiServer API = ApiServer.shared();
    private static final KubernetesClient CLIENT = API.client();
    @RegisterExtension
    static final RunningOperator OPERATOR = RunningOperator.onSharedServer();
    private final Routers routers = new Routers(CLIENT);
    @TempDir
    Path dir;

    @ParameterizedTest(name = "render = operator: {0}")
    @ValueSource(strings = {"simple", "production", "llamastack"})
    void renderGivesWhatTheOperatorApplies(String sample) throws IOException {
        String namespace = API.newNamespace("render-" + sample);
        GenericKubernetesResource router = routers.sample(sample, namespace);
        List<HasMetadata> backends = FakeBackends.forRouter(router);
        routers.createWithPrerequisites(router);
        String name = router.getMetadata().getName();
        routers.awaitReconciled(namespace, name);

        Path cr = Files.writeString(dir.resolve("cr.yaml"), Serialization.asYaml(router));
        Path cluster = Files.writeString(dir.resolve("cluster.yaml"),
                backends.stream().map(Serialization::asYaml).collect(Collectors.joining("\n")));
        List<HasMetadata> rendered = render("render", "-f", cr.toString(), "--cluster", cluster.toString());

        assertThat(rendered).isNotEmpty();
        for (HasMetadata object : rendered) {
            if (object instanceof ConfigMap map) {
                assertThat(CLIENT.configMaps().inNamespace(namespace).withName(map.getMetadata().getName()).get().getData())
                        .as("ConfigMap " + map.getMetadata().getName()).isEqualTo(map.getData());
            } else if (object instanceof Deployment deployment) {
                Deployment live = CLIENT.apps().deployments().inNamespace(namespace).withName(name).get();
                assertThat(live.getSpec().getTemplate().getMetadata().getAnnotations())
                        .containsAllEntriesOf(deployment.getSpec().getTemplate().getMetadata().getAnnotations());
                assertThat(live.getSpec().getTemplate().getSpec().getContainers()).extracting(c -> c.getImage() + " " + c.getArgs())
                        .isEqualTo(deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                                .map(c -> c.getImage() + " " + c.getArgs()).toList());
            }
            assertThat(CLIENT.resource(object).inNamespace(namespace).get())
                    .as(object.getKind() + " " + object.getMetadata().getName() + " exists live").isNotNull();
        }
    }

    private static List<HasMetadata> render(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Main.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute(args)).as(err.toString()).isZero();
        return CLIENT.load(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8))).items();
    }
}
