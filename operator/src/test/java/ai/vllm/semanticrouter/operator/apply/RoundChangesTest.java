package ai.vllm.semanticrouter.operator.apply;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RoundChangesTest {
    private static final ObjectKey DEPLOYMENT = new ObjectKey("apps/v1", "Deployment", "team", "demo");
    private static final ObjectKey CONFIG = new ObjectKey("v1", "ConfigMap", "team", "demo-config");
    private static final ObjectKey PVC = new ObjectKey("v1", "PersistentVolumeClaim", "team", "demo-models");

    @Test
    void nothingChangedIsNothingToAnnounce() {
        assertThat(new RoundChanges().isEmpty()).isTrue();
    }

    @Test
    void creationsOnlyAreCreated() {
        RoundChanges changes = new RoundChanges();
        changes.created(CONFIG);
        changes.created(DEPLOYMENT);
        assertThat(changes.reason()).isEqualTo("Created");
        assertThat(changes.message()).isEqualTo("Created ConfigMap team/demo-config, Deployment team/demo");
    }

    @Test
    void deletionsOnlyAreDeleted() {
        RoundChanges changes = new RoundChanges();
        changes.deleted(PVC);
        assertThat(changes.reason()).isEqualTo("Deleted");
        assertThat(changes.message()).isEqualTo("Deleted PersistentVolumeClaim team/demo-models (no longer rendered)");
    }

    @Test
    void mixedChangesAreUpdatedAndNameEachVerb() {
        RoundChanges changes = new RoundChanges();
        changes.updated(DEPLOYMENT);
        changes.created(CONFIG);
        changes.deleted(PVC);
        assertThat(changes.isEmpty()).isFalse();
        assertThat(changes.reason()).isEqualTo("Updated");
        assertThat(changes.message()).isEqualTo("Created ConfigMap team/demo-config; updated Deployment team/demo;"
                + " deleted PersistentVolumeClaim team/demo-models (no longer rendered)");
    }
}
