package io.github.opsbaseline.security;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The hardened S3 buckets of the security baseline: block public access, TLS only, versioning, S3
 * Object Lock enabled (no default retention, so lifecycle still expires objects), SSE-KMS with a
 * customer key, EventBridge notifications, server access logs written through a bucket policy (no
 * ACLs), lifecycle, and the removal policy given. These are the AWS Control Tower proactive
 * controls for S3 (CT.S3.PR.1-10).
 */
public final class SecureBucket {

    private SecureBucket() { }

    /**
     * The bucket that receives the other buckets' server access logs. Control Tower wants logging on
     * every bucket, and any other target would be a dependency cycle, so it logs into itself under
     * {@code self/}; lifecycle expires those records like the rest.
     */
    public static Bucket accessLogs(Construct scope, String id, IKey key, int expireAfterDays,
                                    RemovalPolicy removalPolicy) {
        Bucket bucket = Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectLockEnabled(true)
                .encryption(BucketEncryption.KMS).encryptionKey(key).bucketKeyEnabled(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire")
                        .expiration(Duration.days(expireAfterDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(removalPolicy)
                .build();
        ((CfnBucket) bucket.getNode().getDefaultChild()).setLoggingConfiguration(
                CfnBucket.LoggingConfigurationProperty.builder().logFilePrefix("self/").build());
        Stack stack = Stack.of(scope);
        ServicePrincipal logging = new ServicePrincipal("logging.s3.amazonaws.com");
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogsPolicy")
                .effect(Effect.ALLOW)
                .principals(List.of(logging))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build());
        // Conditioned like the bucket statement, so the logging service uses the key for this account's
        // buckets only (confused deputy); a plain grant would leave the key statement unconditioned.
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogDelivery")
                .effect(Effect.ALLOW)
                .principals(List.of(logging))
                .actions(List.of("kms:GenerateDataKey*", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build());
        eventBridge(bucket);
        replicationSuppressions(bucket, "Not replicated: access logs are an operational record kept in the home"
                + " region only (versioned, object-locked, retained); the baseline makes no DR copy of them");
        return bucket;
    }

    /**
     * A log archive bucket (trail, Config snapshots, flow logs).
     *
     * @param key the KMS key
     * @param accessLogs the bucket made by {@link #accessLogs}
     * @param glacierAfterDays days before objects move to Glacier Flexible Retrieval; null for never
     */
    public static Bucket logArchive(Construct scope, String id, IKey key, IBucket accessLogs, String logPrefix,
                                    Integer glacierAfterDays, int expireAfterDays, RemovalPolicy removalPolicy) {
        LifecycleRule.Builder rule = LifecycleRule.builder().id("archive-then-expire")
                .expiration(Duration.days(expireAfterDays))
                .noncurrentVersionExpiration(Duration.days(90));
        if (glacierAfterDays != null) {
            rule.transitions(new ArrayList<>(List.of(Transition.builder()
                    .storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(glacierAfterDays)).build())));
        }
        Bucket bucket = Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectLockEnabled(true)
                .encryption(BucketEncryption.KMS).encryptionKey(key).bucketKeyEnabled(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(rule.build()))
                .removalPolicy(removalPolicy)
                .build();
        // Set on the L1: the L2 option would add the log-delivery ACL (CT.S3.PR.5) unless the app
        // sets @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy; the target's bucket policy allows it.
        ((CfnBucket) bucket.getNode().getDefaultChild()).setLoggingConfiguration(
                CfnBucket.LoggingConfigurationProperty.builder()
                        .destinationBucketName(accessLogs.getBucketName()).logFilePrefix(logPrefix).build());
        eventBridge(bucket);
        replicationSuppressions(bucket, "Not replicated: the baseline keeps this audit log archive in the home"
                + " region only (versioned, object-locked, retained); a cross-region copy of audit evidence is an"
                + " organization's log-archive account's job (e.g. a Control Tower organization trail)");
        return bucket;
    }

    /**
     * Object events to EventBridge (CT.S3.PR.4), set on the L1: the L2 option deploys a Lambda
     * custom resource to do what CloudFormation does natively.
     */
    private static void eventBridge(Bucket bucket) {
        ((CfnBucket) bucket.getNode().getDefaultChild()).setNotificationConfiguration(
                CfnBucket.NotificationConfigurationProperty.builder()
                        .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                                .eventBridgeEnabled(true).build()).build());
    }

    private static void replicationSuppressions(Bucket bucket, String reason) {
        NagSuppressions.addResourceSuppressions(bucket, List.of(
                NagPackSuppression.builder().id("HIPAA.Security-S3BucketReplicationEnabled").reason(reason).build(),
                NagPackSuppression.builder().id("NIST.800.53.R5-S3BucketReplicationEnabled").reason(reason).build(),
                NagPackSuppression.builder().id("PCI.DSS.321-S3BucketReplicationEnabled").reason(reason).build()),
                true);
    }
}
