package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.BackupConfig.LockMode;
import io.github.opsbaseline.config.BackupConfig.VaultLockConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class EncryptedBackupVaultTest {

    @Test
    void prodVaultIsEncryptedWithItsOwnRotatedKeyLockedInGovernanceModeAndRetained() {
        // GIVEN prod (vaultLock governance 7-2555) WHEN synthesized
        Template t = TemplateSupport.backup("prod");
        // THEN
        t.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true,
                "Description", Match.stringLikeRegexp("backup vault django-ms-prod-vault")));
        t.hasResource("AWS::Backup::BackupVault", Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "BackupVaultName", "django-ms-prod-vault",
                        "EncryptionKeyArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("VaultKey.*"), "Arn")),
                        "LockConfiguration", Map.of("MinRetentionDays", 7, "MaxRetentionDays", 2555)))));
    }

    @Test
    void notificationsUseOnlyEventsAwsStillSends() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::BackupVault", Map.of("Notifications", Map.of(
                "BackupVaultEvents", List.of("COPY_JOB_FAILED", "RECOVERY_POINT_MODIFIED",
                        "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"),
                "SNSTopicArn", Match.anyValue())));
        assertThat(EncryptedBackupVault.NOTIFIED_EVENTS).doesNotContain("BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED",
                "BACKUP_JOB_EXPIRED", "BACKUP_JOB_SUCCESSFUL");
    }

    @Test
    void devVaultHasNoLock() {
        Template t = TemplateSupport.backup("dev");
        t.hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "BackupVaultName", "django-ms-dev-vault", "LockConfiguration", Match.absent()));
    }

    @Test
    void drVaultLivesInTheDrRegionWithItsOwnKeyAndTheSameLock() {
        BackupDrStack dr = BackupFixtures.built("prod").dr();
        assertThat(dr.getRegion()).isEqualTo("ap-southeast-2");
        assertThat(dr.getAccount()).isEqualTo("777788889999");
        Template t = TemplateSupport.dr("prod");
        t.hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "BackupVaultName", "django-ms-prod-vault-dr",
                "EncryptionKeyArn", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("DrVaultKey.*"), "Arn")),
                "LockConfiguration", Map.of("MinRetentionDays", 7, "MaxRetentionDays", 2555)));
    }

    @Test
    void complianceModeCarriesChangeableForDays() {
        // GIVEN a vault built in code with a compliance-mode lock
        Stack stack = new Stack(new App(), "Vaults");
        new EncryptedBackupVault(stack, "Vault", new EncryptedBackupVault.Props("team-vault", RemovalPolicy.RETAIN,
                new VaultLockConfig(LockMode.COMPLIANCE, 30, 365, 3), null));
        // THEN ChangeableForDays is set, which makes the lock permanent after 3 days
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupVault", Map.of("LockConfiguration",
                Map.of("MinRetentionDays", 30, "MaxRetentionDays", 365, "ChangeableForDays", 3)));
    }

    /** The deny statement a vault in {@code region} of prod's account carries. */
    private static Map<String, Object> protection(String region) {
        return Map.of(
                "Sid", "DenyManualRecoveryPointDeletion", "Effect", "Deny", "Principal", "*", "Resource", "*",
                "Action", List.of("backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle",
                        "backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy"),
                "Condition", Map.of("ArnNotLike", Map.of("aws:PrincipalArn", Map.of("Fn::Join", List.of("", List.of(
                        "arn:", Map.of("Ref", "AWS::Partition"),
                        ":iam::777788889999:role/cdk-*-cfn-exec-role-777788889999-" + region))))));
    }

    @Test
    void aRetainedVaultDeniesDeletingRecoveryPointsToAllButCloudFormationDeployments() {
        // GIVEN prod's vaults (retained) WHEN synthesized THEN each carries the deny AWS Config's
        // BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED looks for (all its actions, "*" principal and
        // resource), which also keeps the policy from being deleted
        TemplateSupport.backup("prod").hasResourceProperties("AWS::Backup::BackupVault", Map.of("AccessPolicy",
                Map.of("Version", "2012-10-17", "Statement", List.of(protection("ap-southeast-1")))));
        TemplateSupport.dr("prod").hasResourceProperties("AWS::Backup::BackupVault", Map.of("AccessPolicy",
                Map.of("Version", "2012-10-17", "Statement", List.of(protection("ap-southeast-2")))));
    }

    @Test
    void aVaultTheStackMayDestroyKeepsItsRecoveryPointsDeletable() {
        // GIVEN dev (removalPolicy destroy) THEN no access policy: tearing dev down must be able to empty the vault
        TemplateSupport.backup("dev").hasResourceProperties("AWS::Backup::BackupVault", Map.of(
                "BackupVaultName", "django-ms-dev-vault", "AccessPolicy", Match.absent()));
        // AND a caller can ask for it either way
        Stack stack = new Stack(new App(), "Vaults");
        new EncryptedBackupVault(stack, "Vault", new EncryptedBackupVault.Props("team-vault", RemovalPolicy.DESTROY,
                null, null, true));
        Template.fromStack(stack).hasResourceProperties("AWS::Backup::BackupVault", Map.of("AccessPolicy",
                Match.objectLike(Map.of("Statement", List.of(Match.objectLike(Map.of("Effect", "Deny")))))));
    }
}
