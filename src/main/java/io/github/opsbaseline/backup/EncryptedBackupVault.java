package io.github.opsbaseline.backup;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import io.github.opsbaseline.config.BackupConfig.LockMode;
import io.github.opsbaseline.config.BackupConfig.VaultLockConfig;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.backup.CfnBackupVault;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * A backup vault encrypted with its own customer-managed key (rotated yearly), optionally locked
 * (write once, read many) and notifying a topic of the vault events AWS still sends.
 */
public class EncryptedBackupVault extends Construct {

    /**
     * Vault events AWS still delivers that need a human: a failed copy, a failed S3 object and a
     * changed recovery point (lifecycle or lock change). Failed backup and restore jobs come from
     * EventBridge instead ({@link BackupJobAlerts}): {@code BACKUP_JOB_FAILED} and
     * {@code RESTORE_JOB_FAILED} are deprecated and send nothing.
     */
    public static final List<String> NOTIFIED_EVENTS = List.of(
            "COPY_JOB_FAILED", "RECOVERY_POINT_MODIFIED", "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED");

    /**
     * Props of {@link EncryptedBackupVault}.
     *
     * @param vaultName the vault name; required (2-50 letters, digits, dashes, underscores)
     * @param removalPolicy what deleting the stack does to the vault and key; default RETAIN
     * @param lock the vault lock; default none
     * @param notificationTopic topic for {@link #NOTIFIED_EVENTS}, same region; default none
     */
    public record Props(String vaultName, RemovalPolicy removalPolicy, VaultLockConfig lock, ITopic notificationTopic) {
        public Props {
            Objects.requireNonNull(vaultName, "vaultName");
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        }
    }

    private final Key key;
    private final CfnBackupVault vault;

    public EncryptedBackupVault(Construct scope, String id, Props props) {
        super(scope, id);
        key = KeyGrantGuard.guard(Key.Builder.create(this, "Key")
                .description("Encrypts the recovery points of backup vault " + props.vaultName())
                .enableKeyRotation(true)
                .removalPolicy(props.removalPolicy())
                .build());
        CfnBackupVault.Builder vaultBuilder = CfnBackupVault.Builder.create(this, "Vault")
                .backupVaultName(props.vaultName())
                .encryptionKeyArn(key.getKeyArn());
        VaultLockConfig lock = props.lock();
        if (lock != null) {
            CfnBackupVault.LockConfigurationTypeProperty.Builder l = CfnBackupVault.LockConfigurationTypeProperty.builder()
                    .minRetentionDays(lock.minRetentionDays())
                    .maxRetentionDays(lock.maxRetentionDays());
            // Governance mode is a lock without ChangeableForDays; with it the lock becomes permanent.
            if (lock.mode() == LockMode.COMPLIANCE) {
                l.changeableForDays(lock.changeableForDays());
            }
            vaultBuilder.lockConfiguration(l.build());
        }
        if (props.notificationTopic() != null) {
            vaultBuilder.notifications(CfnBackupVault.NotificationObjectTypeProperty.builder()
                    .snsTopicArn(props.notificationTopic().getTopicArn())
                    .backupVaultEvents(NOTIFIED_EVENTS).build());
        }
        vault = vaultBuilder.build();
        vault.applyRemovalPolicy(props.removalPolicy());
    }

    public Key key() {
        return key;
    }

    public CfnBackupVault vault() {
        return vault;
    }

    public String vaultName() {
        return vault.getBackupVaultName();
    }

    public String vaultArn() {
        return vault.getAttrBackupVaultArn();
    }
}
