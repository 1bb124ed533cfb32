package io.github.opsbaseline.backup;

import io.github.opsbaseline.config.BackupConfig.ApplicationBucketConfig;
import io.github.opsbaseline.core.HardenedBucket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The bucket applications write their own backups to (database dumps, exports): hardened,
 * versioned, moving objects to colder storage classes, and replicated to a bucket in the DR region
 * (created by {@link BackupDrStack}) with a least-privilege replication role.
 */
public class ReplicatedBackupBucket extends Construct {

    /**
     * Props of {@link ReplicatedBackupBucket}.
     *
     * @param settings lifecycle days; default {@link ApplicationBucketConfig#defaults()}
     * @param key the bucket's key; required
     * @param accessLogs the server access log bucket; required
     * @param removalPolicy what deleting the stack does to the bucket; default RETAIN
     * @param replica the DR names (replica bucket and its key alias); default none: no replication
     */
    public record Props(ApplicationBucketConfig settings, IKey key, Bucket accessLogs, RemovalPolicy removalPolicy,
                        BackupNames replica) {
        public Props {
            settings = settings == null ? ApplicationBucketConfig.defaults() : settings;
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(accessLogs, "accessLogs");
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        }
    }

    private final Bucket bucket;
    private final Role replicationRole;

    public ReplicatedBackupBucket(Construct scope, String id, Props props) {
        super(scope, id);
        bucket = HardenedBuckets.encrypted(this, "Bucket", props.key(), props.accessLogs(), props.removalPolicy(),
                lifecycle(props.settings()), null);
        if (props.replica() == null) {
            replicationRole = null;
            String why = "This environment has no DR region: nothing to replicate to (dev and staging by design).";
            HardenedBucket.notReplicated(bucket, why);
            return;
        }
        BackupNames dr = props.replica();
        String drRegion = dr.drRegion();
        replicationRole = Role.Builder.create(this, "ReplicationRole")
                .assumedBy(new ServicePrincipal("s3.amazonaws.com"))
                .description("Replicates " + id + " to " + dr.replicaBucketName() + " in " + drRegion)
                .build();
        // A customer-managed policy rather than an inline one (HIPAA/NIST/PCI IAMNoInlinePolicy).
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "ReplicationPolicy")
                .description("Least privilege for S3 replication of " + id + " to the DR region")
                .roles(List.of(replicationRole))
                .build();
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetReplicationConfiguration", "s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn())).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl",
                        "s3:GetObjectVersionTagging", "s3:GetObjectRetention", "s3:GetObjectLegalHold"))
                .resources(List.of(bucket.arnForObjects("*"))).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"))
                .resources(List.of(dr.replicaBucketArn() + "/*")).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(props.key().getKeyArn()))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService",
                        "s3." + Stack.of(this).getRegion() + ".amazonaws.com"))).build());
        // The replica key lives in the DR stack; its id is not known here, so the grant names any
        // key of the account in the DR region, used by S3 there, for objects of the replica bucket only.
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("kms:Encrypt", "kms:GenerateDataKey"))
                .resources(List.of("arn:" + dr.partition() + ":kms:" + drRegion + ":" + dr.account() + ":key/*"))
                .conditions(conditions(
                        "StringEquals", Map.of("kms:ViaService", "s3." + drRegion + ".amazonaws.com"),
                        "StringLike", Map.of("kms:EncryptionContext:aws:s3:arn",
                                List.of(dr.replicaBucketArn(), dr.replicaBucketArn() + "/*"))))
                .build());
        Nag.suppress(policy, "AwsSolutions-IAM5", "Replication reads every object version of this bucket and "
                + "writes every key of the replica bucket; the DR key is matched by account, region, S3 and the replica "
                + "bucket's encryption context because its key id is created in another region.");
        CfnBucket cfn = (CfnBucket) bucket.getNode().getDefaultChild();
        cfn.setReplicationConfiguration(CfnBucket.ReplicationConfigurationProperty.builder()
                .role(replicationRole.getRoleArn())
                .rules(List.of(CfnBucket.ReplicationRuleProperty.builder()
                        .id("to-dr-region")
                        .status("Enabled")
                        .priority(1)
                        .filter(CfnBucket.ReplicationRuleFilterProperty.builder().prefix("").build())
                        .deleteMarkerReplication(CfnBucket.DeleteMarkerReplicationProperty.builder().status("Enabled").build())
                        .sourceSelectionCriteria(CfnBucket.SourceSelectionCriteriaProperty.builder()
                                .sseKmsEncryptedObjects(CfnBucket.SseKmsEncryptedObjectsProperty.builder()
                                        .status("Enabled").build()).build())
                        .destination(CfnBucket.ReplicationDestinationProperty.builder()
                                .bucket(dr.replicaBucketArn())
                                .storageClass("STANDARD_IA")
                                .encryptionConfiguration(CfnBucket.EncryptionConfigurationProperty.builder()
                                        .replicaKmsKeyId(dr.replicaKeyAliasArn()).build())
                                .build())
                        .build()))
                .build());
    }

    /** Two condition operators in a fixed order (a two-entry Map.of would reorder them between runs). */
    private static Map<String, Object> conditions(String op1, Object value1, String op2, Object value2) {
        Map<String, Object> conditions = new java.util.LinkedHashMap<>();
        conditions.put(op1, value1);
        conditions.put(op2, value2);
        return conditions;
    }

    /** Days after which a replaced version moves to Glacier Flexible Retrieval. */
    static final int NONCURRENT_GLACIER_AFTER_DAYS = 30;

    static List<LifecycleRule> lifecycle(ApplicationBucketConfig s) {
        LifecycleRule.Builder rule = LifecycleRule.builder()
                .id("colder-tiers")
                .abortIncompleteMultipartUploadAfter(Duration.days(7))
                .transitions(List.of(
                        Transition.builder().storageClass(StorageClass.INFREQUENT_ACCESS)
                                .transitionAfter(Duration.days(s.infrequentAccessAfterDays())).build(),
                        Transition.builder().storageClass(StorageClass.GLACIER)
                                .transitionAfter(Duration.days(s.glacierAfterDays())).build()))
                .noncurrentVersionExpiration(Duration.days(s.noncurrentExpireAfterDays()));
        // Glacier Flexible Retrieval bills 90 days at least: replaced versions go there only when they
        // are kept that long after the move, or the move costs more than it saves.
        if (s.noncurrentExpireAfterDays() >= NONCURRENT_GLACIER_AFTER_DAYS + ApplicationBucketConfig.GLACIER_MINIMUM_DAYS) {
            rule.noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                    .storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(NONCURRENT_GLACIER_AFTER_DAYS)).build()));
        }
        if (s.expireAfterDays() != null) {
            rule.expiration(Duration.days(s.expireAfterDays()));
        }
        List<LifecycleRule> rules = new ArrayList<>();
        rules.add(rule.build());
        return rules;
    }

    public Bucket bucket() {
        return bucket;
    }

    /** The replication role, or null without a DR region. */
    public Role replicationRole() {
        return replicationRole;
    }
}
