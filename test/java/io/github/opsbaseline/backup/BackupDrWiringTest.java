package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.app.BaselineStacks;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

/** How {@code BaselineStacks} adds the DR-region stack (construction only: no synth needed). */
class BackupDrWiringTest {

    @Test
    void prodGetsTheDrStackInTheDrRegionBeforeThePrimaryBackupStack() {
        BaselineStacks stacks = BaselineStacks.create(new App(), BackupFixtures.config("prod"));
        assertThat(stacks.backupDr()).isNotNull();
        assertThat(stacks.backupDr().getStackName()).isEqualTo("django-ms-prod-backup-dr");
        assertThat(stacks.backupDr().getRegion()).isEqualTo("ap-southeast-2");
        assertThat(stacks.backupDr().getAccount()).isEqualTo("777788889999");
        assertThat(stacks.all()).containsSubsequence(stacks.backupDr(), stacks.backup());
        // and the deploy order is declared, not only the construction order: nothing references the
        // DR stack, so without it `cdk deploy` could create the replication before its destination
        assertThat(stacks.backup().getDependencies()).contains(stacks.backupDr(), stacks.security());
        assertThat(stacks.backupDr().getDependencies()).doesNotContain(stacks.backup());
    }

    @Test
    void devHasNoDrStack() {
        BaselineStacks stacks = BaselineStacks.create(new App(), BackupFixtures.config("dev"));
        assertThat(stacks.backupDr()).isNull();
        assertThat(stacks.all()).doesNotContainNull().contains(stacks.backup());
        assertThat(stacks.backup().getDependencies()).contains(stacks.security());
    }
}
