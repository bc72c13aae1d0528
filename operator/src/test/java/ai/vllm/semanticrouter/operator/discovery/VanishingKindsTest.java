package ai.vllm.semanticrouter.operator.discovery;

import ai.vllm.semanticrouter.operator.apply.Kind;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A kind is dropped only when two rounds in a row miss it; a kind that appears is taken at once. */
class VanishingKindsTest {
    private static final Kind ROUTE = new Kind("route.openshift.io/v1", "Route");
    private static final Kind SERVICE = new Kind("v1", "Service");
    private static final Kind HTTP_ROUTE = new Kind("gateway.networking.k8s.io/v1", "HTTPRoute");

    private final VanishingKinds vanishing = new VanishingKinds();

    @Test
    void oneMissedRoundKeepsTheKindAndItsGroup() {
        ServedApis openshift = apis(SERVICE, ROUTE);

        ServedApis afterRestart = vanishing.confirm(openshift, apis(SERVICE));

        assertThat(afterRestart.serves(ROUTE)).isTrue();
        assertThat(afterRestart.servesGroup("route.openshift.io")).as("the platform holds").isTrue();
        assertThat(vanishing.awaitingConfirmation()).isTrue();
        assertThat(vanishing.awaiting()).containsExactly(ROUTE);
    }

    @Test
    void aSecondMissedRoundDropsIt() {
        ServedApis openshift = apis(SERVICE, ROUTE);
        ServedApis kept = vanishing.confirm(openshift, apis(SERVICE));

        ServedApis confirmed = vanishing.confirm(kept, apis(SERVICE));

        assertThat(confirmed.serves(ROUTE)).isFalse();
        assertThat(confirmed.servesGroup("route.openshift.io")).isFalse();
        assertThat(vanishing.awaitingConfirmation()).isFalse();
    }

    @Test
    void aKindBackInTheNextRoundIsNeverDropped() {
        ServedApis openshift = apis(SERVICE, ROUTE);
        ServedApis kept = vanishing.confirm(openshift, apis(SERVICE));

        ServedApis back = vanishing.confirm(kept, apis(SERVICE, ROUTE));

        assertThat(back.serves(ROUTE)).isTrue();
        assertThat(vanishing.awaitingConfirmation()).isFalse();
        assertThat(vanishing.confirm(back, apis(SERVICE)).serves(ROUTE)).as("a later miss starts over").isTrue();
    }

    @Test
    void newKindsAreTakenAtOnce() {
        ServedApis now = vanishing.confirm(apis(SERVICE), apis(SERVICE, HTTP_ROUTE));

        assertThat(now.serves(HTTP_ROUTE)).isTrue();
        assertThat(vanishing.awaitingConfirmation()).isFalse();
    }

    private static ServedApis apis(Kind... kinds) {
        Map<Kind, ResourceDefinitionContext> resources = new HashMap<>();
        Set<String> groups = new HashSet<>(List.of(""));
        for (Kind kind : kinds) {
            String apiVersion = kind.apiVersion();
            int slash = apiVersion.indexOf('/');
            String group = slash < 0 ? "" : apiVersion.substring(0, slash);
            groups.add(group);
            resources.put(kind, new ResourceDefinitionContext.Builder().withGroup(group)
                    .withVersion(apiVersion.substring(slash + 1)).withKind(kind.kind())
                    .withPlural(kind.kind().toLowerCase() + "s").withNamespaced(true).build());
        }
        return new ServedApis(groups, resources);
    }
}
