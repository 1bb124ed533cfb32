package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.BackupConfig;
import io.github.opsbaseline.config.BackupConfig.AuditControl;
import io.github.opsbaseline.config.BackupConfig.RuleConfig;
import io.github.opsbaseline.config.BackupRulePreset;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BackupConfigTest {

    @Test
    void theSeedsDailyRuleSitsExactlyOnAwsColdStorageMinimumAndIsValid() {
        // GIVEN seed 003: daily at 02:00 UTC, cold after 30 days, delete after 120 (120 = 30 + 90)
        RuleConfig seed = RuleConfig.of(BackupRulePreset.DAILY);
        assertThat(seed.schedule()).isEqualTo("cron(0 2 ? * * *)");
        assertThat(seed.coldStorageAfterDays()).isEqualTo(30);
        assertThat(seed.deleteAfterDays()).isEqualTo(120);
        // THEN it passes, and one day less does not
        assertThat(BackupConfig.checkRules(List.of(seed), null, null)).isEmpty();
        RuleConfig oneDayShort = new RuleConfig("daily", BackupRulePreset.DAILY, null, null, null, null, null, 119,
                null, null, null);
        assertThat(BackupConfig.checkRules(List.of(oneDayShort), null, null))
                .extracting(e -> e.path() + ": " + e.message())
                .containsExactly("rules[0].deleteAfterDays: expected at least coldStorageAfterDays + 90 = 120 "
                        + "(AWS keeps a recovery point in cold storage for at least 90 days), found 119");
    }

    @ParameterizedTest
    @EnumSource(BackupRulePreset.class)
    void everyPresetIsValid(BackupRulePreset preset) {
        assertThat(BackupConfig.checkRules(List.of(RuleConfig.of(preset)), null, null)).isEmpty();
    }

    @Test
    void defaultsAreTheDailyPresetAndTheBackupTag() {
        BackupConfig defaults = BackupConfig.defaults();
        assertThat(defaults.rules()).containsExactly(RuleConfig.of(BackupRulePreset.DAILY));
        assertThat(defaults.selection().tags()).isEqualTo(Map.of("backup", "true"));
        assertThat(defaults.selection().includeDatabases()).isTrue();
        assertThat(defaults.restoreTesting().enabled()).isTrue();
        assertThat(defaults.restoreTesting().schedule()).isEqualTo("cron(0 5 ? * 1#1 *)");
        assertThat(defaults.drHealthCheck().enabled()).isFalse();
    }

    @Test
    void defaultControlsLeaveOutWhatDoesNotApply() {
        assertThat(BackupConfig.defaults().audit().effectiveControls(BackupConfig.defaults())).containsExactly(
                AuditControl.BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN,
                AuditControl.BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK,
                AuditControl.BACKUP_RECOVERY_POINT_ENCRYPTED,
                AuditControl.BACKUP_LAST_RECOVERY_POINT_CREATED);
        BackupConfig prod = BackupFixtures.config("prod").backup();
        assertThat(prod.audit().effectiveControls(prod)).containsExactly(AuditControl.values());
        // a vault whose access policy protects its recovery points (a retained one) adds the manual-deletion control
        assertThat(BackupConfig.defaults().audit().effectiveControls(BackupConfig.defaults(), true))
                .contains(AuditControl.BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED).hasSize(5);
    }

    @Test
    void environmentsFollowThePolicy() {
        EnvironmentConfig dev = BackupFixtures.config("dev");
        assertThat(dev.backup().rules()).extracting(RuleConfig::name, RuleConfig::deleteAfterDays)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("daily", 7));
        assertThat(dev.backup().copiesToDr()).isFalse();
        assertThat(dev.backup().vaultLock()).isNull();
        EnvironmentConfig prod = BackupFixtures.config("prod");
        assertThat(prod.backup().rules()).extracting(RuleConfig::name)
                .containsExactly("daily", "weekly", "monthly", "continuous");
        assertThat(prod.backup().copiesToDr()).isTrue();
        assertThat(prod.backup().vaultLock().mode()).isEqualTo(BackupConfig.LockMode.GOVERNANCE);
        assertThat(prod.backup().vaultLock().changeableForDays()).isNull();
    }
}
