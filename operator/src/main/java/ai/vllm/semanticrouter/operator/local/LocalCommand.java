package ai.vllm.semanticrouter.operator.local;

import ai.vllm.semanticrouter.operator.metrics.OperatorMetrics;
import ai.vllm.semanticrouter.operator.runtime.OperatorOptions;
import ai.vllm.semanticrouter.operator.runtime.OperatorRuntime;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

/**
 * The main job on one machine with nothing installed: a real kube-apiserver + etcd, the CRD, the
 * operator, and a sample with stand-ins for its backends; prints what was created and the status.
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = {"Start a real API server on this machine, install the CRD, run the operator and apply a sample.",
                "No cluster needed; the API server binaries are provisioned like the tests' (cached in ~/.kubeapitest)."})
public final class LocalCommand implements Callable<Integer> {
    @Option(names = "--sample", defaultValue = "simple",
            description = "Sample to apply: simple, openshift, gateway, llamastack, route, production (default: ${DEFAULT-VALUE}).")
    String sample;

    @Option(names = "--once", description = "Exit once the sample is reconciled (for scripts and tests).")
    boolean once;

    @Option(names = "--simulate-ready", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Report the router pods as ready, since nothing runs pods here (default: ${DEFAULT-VALUE}).")
    boolean simulateReady;

    @Option(names = "--kubeconfig-out", description = "Where to write the kubeconfig (default: ${DEFAULT-VALUE}).",
            defaultValue = "${sys:user.home}/.cache/semantic-router-operator/local/kubeconfig.yaml")
    Path kubeconfig;

    @Option(names = "--timeout", defaultValue = "120", description = "Seconds to wait for reconciliation (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws InterruptedException {
        LocalSession.progress("provisioning the API server binaries (first time: built from Go modules, a few minutes)");
        EmbeddedApiServer server = EmbeddedApiServer.start(kubeconfig);
        KubernetesClient client = server.newClient();
        LocalSession.progress("kube-apiserver " + client.getKubernetesVersion().getGitVersion() + " is up");
        LocalSession.progress("kubeconfig: " + server.kubeConfigFile()
                + "   (kubectl: " + TestBinaries.pinned().directory().resolve("kubectl") + ")");
        LocalSession session = new LocalSession(client, Duration.ofSeconds(timeoutSeconds));
        session.installCrd();
        session.installDefaultStorageClass();
        // The operator gets a client of its own that counts its requests in rest_client_requests_total,
        // as `run` does; the session's setup requests (CRD, sample, pod readiness) are not the operator's.
        OperatorMetrics metrics = OperatorMetrics.create();
        KubernetesClient operatorClient = metrics.restClient().instrument(server.operatorClientBuilder()).build();
        OperatorRuntime operator = OperatorRuntime.start(CompletableFuture.completedFuture(operatorClient),
                OperatorOptions.defaults().withPorts(0, 0), metrics);
        LocalSession.progress("operator started; metrics on http://localhost:" + operator.httpEndpoints().metricsPort()
                + "/metrics, health on http://localhost:" + operator.httpEndpoints().healthPort() + "/healthz");
        Runnable stop = () -> {
            operator.close();
            operatorClient.close();
            client.close();
            server.close();
        };
        try {
            GenericKubernetesResource router = session.loadSample(sample);
            List<HasMetadata> backends = FakeBackends.forRouter(router);
            FakeBackends.apply(client, backends);
            backends.forEach(b -> LocalSession.progress("backend stand-in " + b.getKind() + " "
                    + b.getMetadata().getNamespace() + "/" + b.getMetadata().getName()));
            ensureNamespace(client, router.getMetadata().getNamespace());
            session.apply(router);
            session.awaitReconciled(router, simulateReady);
            System.out.println();
            System.out.println(session.describeObjects(router));
            session.deployment(router).map(PodSummary::format).ifPresent(System.out::println);
            System.out.println(StatusTable.format(List.of(session.read(router)), Instant.now()));
            System.out.println(session.conditions(router));
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
        if (once) {
            stop.run();
            return 0;
        }
        LocalSession.progress("running; press Ctrl-C to stop");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "local-stop"));
        stopped.await();
        return 0;
    }

    private static void ensureNamespace(KubernetesClient client, String namespace) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
                .fieldManager("semantic-router-local").forceConflicts().serverSideApply();
    }
}
