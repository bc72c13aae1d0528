package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.LogCapture;
import ai.vllm.semanticrouter.operator.apply.Kind;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Discovery keeps what it knew when a group version fails for a reason other than 404, so that a
 * restarting API server or a down aggregated API does not make kinds (and the platform) flicker.
 */
class ServedApisTest {
    private static final Kind ROUTE = new Kind("route.openshift.io/v1", "Route");
    private static final Kind SERVICE = new Kind("v1", "Service");
    private static final Kind DEPLOYMENT = new Kind("apps/v1", "Deployment");
    private static final APIGroupList GROUPS = new APIGroupListBuilder()
            .addNewGroup().withName("apps").addNewVersion().withGroupVersion("apps/v1").withVersion("v1").endVersion().endGroup()
            .addNewGroup().withName("route.openshift.io")
            .addNewVersion().withGroupVersion("route.openshift.io/v1").withVersion("v1").endVersion().endGroup()
            .build();

    private final Map<String, Function<String, APIResourceList>> answers = new HashMap<>(Map.of(
            "v1", gv -> resources(gv, "services", "Service"),
            "apps/v1", gv -> resources(gv, "deployments", "Deployment"),
            "route.openshift.io/v1", gv -> resources(gv, "routes", "Route")));

    @Test
    void readsEveryGroupVersionAndSkipsSubresources() {
        ServedApis apis = discover(null);

        assertThat(apis.resources().keySet()).containsExactlyInAnyOrder(SERVICE, DEPLOYMENT, ROUTE);
        assertThat(apis.groups()).containsExactlyInAnyOrder("", "apps", "route.openshift.io");
        assertThat(apis.resource(ROUTE).orElseThrow().getPlural()).isEqualTo("routes");
        assertThat(apis.unreadable()).isEmpty();
    }

    @Test
    void aServerErrorKeepsThePreviousKindsOfThatGroupVersion() {
        ServedApis before = discover(null);
        answers.put("route.openshift.io/v1", gv -> {
            throw new KubernetesClientException("the server is currently unable to handle the request", 503, null);
        });

        ServedApis after = discover(before);

        assertThat(after.serves(ROUTE)).as("Route survives a 503").isTrue();
        assertThat(after.resource(ROUTE).orElseThrow()).as("the very same resource").isSameAs(before.resource(ROUTE).orElseThrow());
        assertThat(after.resources().keySet()).isEqualTo(before.resources().keySet());
        assertThat(after.unreadable()).containsExactly("route.openshift.io/v1");
    }

    @Test
    void aConnectionErrorKeepsThePreviousKindsToo() {
        ServedApis before = discover(null);
        answers.put("v1", gv -> {
            throw new KubernetesClientException("Connection refused", new ConnectException("Connection refused"));
        });

        ServedApis after = discover(before);

        assertThat(after.serves(SERVICE)).isTrue();
        assertThat(after.serves(DEPLOYMENT)).isTrue();
        assertThat(after.unreadable()).containsExactly("v1");
    }

    @Test
    void notFoundMeansTheGroupVersionIsGone() {
        ServedApis before = discover(null);
        answers.put("route.openshift.io/v1", gv -> null); // how the client reports a 404
        answers.put("apps/v1", gv -> {
            throw new KubernetesClientException("not found", 404, null);
        });

        ServedApis after = discover(before);

        assertThat(after.serves(ROUTE)).isFalse();
        assertThat(after.serves(DEPLOYMENT)).isFalse();
        assertThat(after.serves(SERVICE)).isTrue();
        assertThat(after.unreadable()).isEmpty();
    }

    @Test
    void withoutAPreviousSnapshotAFailingGroupVersionServesNothingYet() {
        answers.put("route.openshift.io/v1", gv -> {
            throw new KubernetesClientException("bad gateway", 502, null);
        });

        ServedApis first = discover(null);

        assertThat(first.serves(ROUTE)).isFalse();
        assertThat(first.servesGroup("route.openshift.io")).as("the group list still names it").isTrue();
        assertThat(first.unreadable()).containsExactly("route.openshift.io/v1");
    }

    @Test
    void aGroupVersionNoLongerListedIsDroppedEvenIfItWasUnreadable() {
        answers.put("route.openshift.io/v1", gv -> {
            throw new KubernetesClientException("unavailable", 503, null);
        });
        ServedApis failing = discover(discover(null));
        APIGroupList withoutRoutes = new APIGroupListBuilder()
                .addNewGroup().withName("apps").addNewVersion().withGroupVersion("apps/v1").withVersion("v1").endVersion().endGroup()
                .build();

        ServedApis after = ServedApis.discover(withoutRoutes, this::answer, failing);

        assertThat(after.servesGroup("route.openshift.io")).isFalse();
        assertThat(after.resources().keySet()).containsExactlyInAnyOrder(SERVICE, DEPLOYMENT);
        assertThat(after.unreadable()).isEmpty();
    }

    @Test
    void aRecoveredGroupVersionIsReadAfreshAndNoLongerUnreadable() {
        ServedApis before = discover(null);
        answers.put("apps/v1", gv -> {
            throw new KubernetesClientException("unavailable", 503, null);
        });
        ServedApis failing = discover(before);
        answers.put("apps/v1", gv -> resources(gv, "statefulsets", "StatefulSet"));

        ServedApis recovered = discover(failing);

        assertThat(recovered.serves(DEPLOYMENT)).as("what the group version serves now counts").isFalse();
        assertThat(recovered.serves(new Kind("apps/v1", "StatefulSet"))).isTrue();
        assertThat(recovered.unreadable()).isEmpty();
    }

    @Test
    void warnsOncePerOutageNamingTheGroupVersionAndTheError() {
        ServedApis before = discover(null);
        answers.put("route.openshift.io/v1", gv -> {
            throw new KubernetesClientException("service unavailable", 503, null);
        });

        String firstLog = LogCapture.stderrOf(() -> discover(before));
        ServedApis failing = discover(before);
        String secondLog = LogCapture.stderrOf(() -> discover(failing));

        assertThat(firstLog.lines().filter(line -> line.contains("WARN"))).hasSize(1);
        assertThat(firstLog).contains("WARN").contains("route.openshift.io/v1").contains("HTTP 503")
                .contains("service unavailable").contains("keeping its 1 kinds");
        assertThat(secondLog).as("the same outage is not reported again").doesNotContain("WARN");
    }

    @Test
    void anUnreadableGroupListFailsTheWholeRound() {
        assertThatThrownBy(() -> ServedApis.discover(null, this::answer, discover(null)))
                .isInstanceOf(IllegalStateException.class);
    }

    private ServedApis discover(ServedApis previous) {
        return ServedApis.discover(GROUPS, this::answer, previous);
    }

    private APIResourceList answer(String groupVersion) {
        return answers.getOrDefault(groupVersion, gv -> null).apply(groupVersion);
    }

    private static APIResourceList resources(String groupVersion, String plural, String kind) {
        return new APIResourceListBuilder().withGroupVersion(groupVersion)
                .addNewResource().withName(plural).withKind(kind).withNamespaced(true).withVerbs("get", "list", "watch")
                .endResource()
                .addNewResource().withName(plural + "/status").withKind(kind).withNamespaced(true).withVerbs("get", "patch")
                .endResource()
                .build();
    }
}
