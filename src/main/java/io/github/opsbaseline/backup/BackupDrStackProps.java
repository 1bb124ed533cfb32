package io.github.opsbaseline.backup;

import io.github.opsbaseline.config.BackupConfig;
import io.github.opsbaseline.config.BackupConfig.VaultLockConfig;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.Objects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link BackupDrStack}.
 *
 * @param stack the stack's own props; its env must be the account and the DR region; required
 * @param dr the names both backup stacks agree on (account and DR region included); required
 * @param lock the DR vault's lock (the primary vault's); default none
 * @param replicaBucket the application backup bucket's settings (lifecycle of the replica); default none: no replica
 * @param removalPolicy what deleting the stack does to the vault, key and bucket; default RETAIN
 */
public record BackupDrStackProps(StackProps stack, BackupNames dr, VaultLockConfig lock, BackupConfig.ApplicationBucketConfig replicaBucket,
                                 RemovalPolicy removalPolicy) {

    public BackupDrStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(dr, "dr");
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
    }

    /**
     * Maps an environment file with a {@code drRegion} to props: same account, the DR region, the
     * stack name and description of {@code stack}.
     */
    public static BackupDrStackProps fromConfig(EnvironmentConfig config, StackProps stack) {
        BackupConfig backup = config.backup();
        StackProps.Builder props = StackProps.builder()
                .stackName(stack.getStackName())
                .description(stack.getDescription())
                .terminationProtection(stack.getTerminationProtection())
                .env(Environment.builder().account(config.account()).region(config.drRegion()).build());
        return new BackupDrStackProps(props.build(), new BackupNames(config.names(), config.account(), config.drRegion()),
                backup.vaultLock(), backup.applicationBucket().enabled() ? backup.applicationBucket() : null, config.removalPolicy().toCdk());
    }
}
