package io.github.opsbaseline.backup;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import io.github.opsbaseline.core.HardenedBucket;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.constructs.Construct;

/**
 * The backup baseline's half in the disaster-recovery region: the vault rules copy to (its own key,
 * the primary vault's lock) and the replica of the application backup bucket (its own key). The
 * primary {@link BackupStack} refers to both by the names and ARNs of {@link BackupNames}.
 */
public class BackupDrStack extends Stack {

    private final EncryptedBackupVault vault;
    private final Bucket replica;

    public BackupDrStack(Construct scope, String id, BackupDrStackProps props) {
        super(scope, id, props.stack());
        BackupNames dr = props.dr();
        vault = new EncryptedBackupVault(this, "DrVault", new EncryptedBackupVault.Props(
                dr.drVaultName(), props.removalPolicy(), props.lock(), null));
        if (props.replicaBucket() != null) {
            Key key = KeyGrantGuard.guard(Key.Builder.create(this, "ReplicaKey")
                    .description("Encrypts the DR replica of the application backup bucket")
                    .alias(dr.replicaKeyAlias())
                    .enableKeyRotation(true)
                    .removalPolicy(props.removalPolicy())
                    .build());
            Bucket logs = HardenedBuckets.accessLogs(this, "AccessLogs", key, props.removalPolicy(), 365);
            replica = HardenedBuckets.encrypted(this, "ReplicaBucket", key, logs, props.removalPolicy(),
                    ReplicatedBackupBucket.lifecycle(props.replicaBucket()),
                    dr.replicaBucketName());
            String why = "This bucket is the cross-region replica; replicating it again would copy the copy.";
            HardenedBucket.notReplicated(replica, why);
        } else {
            replica = null;
        }
    }

    public EncryptedBackupVault vault() {
        return vault;
    }

    /** The replica bucket, or null when the application bucket is off. */
    public Bucket replica() {
        return replica;
    }

}
