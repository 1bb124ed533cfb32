package io.github.opsbaseline.backup;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import io.github.opsbaseline.config.BackupConfig.LockMode;
import io.github.opsbaseline.config.BackupConfig.VaultLockConfig;
import io.github.opsbaseline.core.OrderedMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
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
     * @param protectRecoveryPoints an access policy denying everyone but CloudFormation deployments the
     *     deletion of recovery points, the change of their lifecycle and of the policy itself (AWS
     *     Config's BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED); default true when the vault is
     *     retained, false when the stack may destroy it (its recovery points must then be deletable)
     */
    public record Props(String vaultName, RemovalPolicy removalPolicy, VaultLockConfig lock, ITopic notificationTopic,
                        Boolean protectRecoveryPoints) {
        public Props {
            Objects.requireNonNull(vaultName, "vaultName");
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
            protectRecoveryPoints = protectRecoveryPoints == null ? removalPolicy != RemovalPolicy.DESTROY : protectRecoveryPoints;
        }

        /** The same with the default protection of recovery points. */
        public Props(String vaultName, RemovalPolicy removalPolicy, VaultLockConfig lock, ITopic notificationTopic) {
            this(vaultName, removalPolicy, lock, notificationTopic, null);
        }
    }

    /**
     * What the access policy denies: the three AWS Config's BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED
     * asks for, and deleting the policy itself, which would otherwise undo it.
     */
    public static final List<String> PROTECTED_ACTIONS = List.of("backup:DeleteRecoveryPoint",
            "backup:UpdateRecoveryPointLifecycle", "backup:PutBackupVaultAccessPolicy", "backup:DeleteBackupVaultAccessPolicy");

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
        if (props.protectRecoveryPoints()) {
            vaultBuilder.accessPolicy(protection(Stack.of(this)));
        }
        vault = vaultBuilder.build();
        vault.applyRemovalPolicy(props.removalPolicy());
    }

    /**
     * Deny, for every principal (the Config rule wants "*"), except the CDK's CloudFormation
     * execution role: a later deployment must still be able to change or remove the policy.
     */
    private static Map<String, Object> protection(Stack stack) {
        // Ordered: the CDK writes this JSON in the order given (DeterminismTest, DeterministicCollectionsTest).
        return OrderedMaps.of("Version", "2012-10-17", "Statement", List.of(OrderedMaps.of(
                "Sid", "DenyManualRecoveryPointDeletion",
                "Effect", "Deny",
                "Principal", "*",
                "Action", PROTECTED_ACTIONS,
                "Resource", "*",
                "Condition", Map.of("ArnNotLike", Map.of("aws:PrincipalArn", "arn:" + stack.getPartition() + ":iam::"
                        + stack.getAccount() + ":role/cdk-*-cfn-exec-role-" + stack.getAccount() + "-" + stack.getRegion())))));
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
