package io.github.opsbaseline.backup;

import io.github.opsbaseline.core.ResourceNames;

/**
 * The names and ARNs both backup stacks agree on. The primary stack refers to the DR stack's vault,
 * bucket and key through these strings instead of cross-region CloudFormation references, which
 * CloudFormation does not have; they are fixed by the environment's names, account and DR region.
 */
public record BackupNames(ResourceNames names, String account, String drRegion) {

    public String vaultName() {
        return names.name("vault");
    }

    public String drVaultName() {
        return names.name("vault-dr");
    }

    /**
     * The AWS partition of the DR region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}, ...): a literal
     * rather than the {@code AWS::Partition} reference, because these ARNs name resources of another
     * region's stack; both regions of an environment are in one partition.
     */
    public String partition() {
        if (drRegion.startsWith("cn-")) {
            return "aws-cn";
        }
        if (drRegion.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (drRegion.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (drRegion.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return drRegion.startsWith("eu-isoe-") ? "aws-iso-e" : "aws";
    }

    /** {@code arn:<partition>:backup:<drRegion>:<account>:backup-vault:<name>}. */
    public String drVaultArn() {
        return "arn:" + partition() + ":backup:" + drRegion + ":" + account + ":backup-vault:" + drVaultName();
    }

    /** Globally unique because it carries the account id. */
    public String replicaBucketName() {
        return names.name("backup-replica", account);
    }

    public String replicaBucketArn() {
        return "arn:" + partition() + ":s3:::" + replicaBucketName();
    }

    public String replicaKeyAlias() {
        return "alias/" + names.name("backup-replica");
    }

    /** S3 replication accepts an alias ARN for the replica key, so no key id has to cross regions. */
    public String replicaKeyAliasArn() {
        return "arn:" + partition() + ":kms:" + drRegion + ":" + account + ":" + replicaKeyAlias();
    }

    /** Names stripped to what Backup Audit Manager and restore testing accept: letters, digits, underscores. */
    public String underscored(String... parts) {
        return names.name(parts).replace('-', '_');
    }
}
