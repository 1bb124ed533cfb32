package io.github.opsbaseline.backup;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The baseline's buckets: versioned, KMS-encrypted, TLS only, public access blocked, ACLs off,
 * Object Lock on, events to EventBridge, lifecycle rules, server access logs to a separate bucket,
 * removal policy from the caller (RETAIN by default).
 */
public final class HardenedBuckets {

    private HardenedBuckets() { }

    /**
     * The CDK feature flag that makes S3 deliver access logs by bucket policy; the stacks holding
     * these buckets set it (ACLs are disabled, so the legacy LogDeliveryWrite grant cannot work).
     */
    public static final String ACCESS_LOGS_BY_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    /**
     * The bucket that receives server access logs: KMS-encrypted with {@code key} (whose policy lets
     * the S3 logging service use it), Object Lock on without a default retention (S3 refuses log
     * delivery to a bucket with one), objects expiring after {@code retentionDays}. Its own access
     * logs go to itself under {@code self/}: a log bucket needs somewhere to log, and another bucket
     * would need one too.
     */
    public static Bucket accessLogs(Construct scope, String id, Key key, RemovalPolicy removalPolicy, int retentionDays) {
        Stack stack = Stack.of(scope);
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogDelivery")
                .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build());
        Bucket logs = Bucket.Builder.create(scope, id)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .versioned(true)
                .objectLockEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsPrefix("self/")
                .removalPolicy(removalPolicy)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(retentionDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .build();
        sendEventsToEventBridge(logs);
        String why = "This is the server-access-log bucket: access logs are operational evidence kept "
                + retentionDays + " days in the region, not data to recover elsewhere.";
        Nag.suppress(logs, "HIPAA.Security-S3BucketReplicationEnabled", why);
        Nag.suppress(logs, "NIST.800.53.R5-S3BucketReplicationEnabled", why);
        Nag.suppress(logs, "PCI.DSS.321-S3BucketReplicationEnabled", why);
        return logs;
    }

    /**
     * A hardened, KMS-encrypted bucket logging to {@code accessLogs} under {@code <id>/}; without
     * lifecycle rules, replaced versions expire after a year.
     */
    public static Bucket encrypted(Construct scope, String id, IKey key, Bucket accessLogs, RemovalPolicy removalPolicy,
                                   List<LifecycleRule> lifecycleRules, String bucketName) {
        Bucket bucket = Bucket.Builder.create(scope, id)
                .bucketName(bucketName)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .versioned(true)
                // Object Lock on, without a default retention: versions can be locked by legal hold
                // or per-object retention, and Control Tower's CT.S3.PR.9 holds.
                .objectLockEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(id + "/")
                .lifecycleRules(lifecycleRules.isEmpty() ? List.of(LifecycleRule.builder().id("expire-old-versions")
                        .noncurrentVersionExpiration(Duration.days(365)).build()) : lifecycleRules)
                .removalPolicy(removalPolicy)
                .build();
        sendEventsToEventBridge(bucket);
        return bucket;
    }

    /**
     * Object events to EventBridge (Control Tower's CT.S3.PR.4), set on the L1: the L2's
     * {@code eventBridgeEnabled} deploys a custom-resource Lambda for what CloudFormation does natively.
     */
    static void sendEventsToEventBridge(Bucket bucket) {
        ((CfnBucket) bucket.getNode().getDefaultChild()).setNotificationConfiguration(
                CfnBucket.NotificationConfigurationProperty.builder()
                        .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                                .eventBridgeEnabled(true).build())
                        .build());
    }
}
