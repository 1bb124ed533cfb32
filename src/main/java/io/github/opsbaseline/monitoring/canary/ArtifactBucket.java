package io.github.opsbaseline.monitoring.canary;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CfnBucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * A hardened bucket for canary artifacts (screenshots, HAR files, logs): KMS, TLS only, versioned,
 * public access blocked, object lock available, EventBridge notifications, server access logs to
 * a separate bucket, and lifecycle rules that expire artifacts and old versions.
 */
public class ArtifactBucket extends Construct {

    private final Bucket bucket;

    /**
     * @param key the bucket's encryption key
     * @param expireAfterDays days after which artifacts (and then old versions) are deleted
     * @param removalPolicy RETAIN unless the environment says destroy
     */
    public ArtifactBucket(Construct scope, String id, IKey key, int expireAfterDays, RemovalPolicy removalPolicy) {
        super(scope, id);
        List<LifecycleRule> expiry = List.of(LifecycleRule.builder()
                .id("expire-artifacts")
                .expiration(Duration.days(expireAfterDays))
                .noncurrentVersionExpiration(Duration.days(7))
                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                .build());
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                // Server access logs can only be delivered to a bucket with SSE-S3 encryption.
                .encryption(BucketEncryption.S3_MANAGED)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .objectLockEnabled(true)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(Math.max(expireAfterDays, 90)))
                        .noncurrentVersionExpiration(Duration.days(7))
                        .build()))
                .removalPolicy(removalPolicy)
                .build();
        bucket = Bucket.Builder.create(this, "Bucket")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .enforceSsl(true)
                .versioned(true)
                .objectLockEnabled(true)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix("artifacts/")
                .lifecycleRules(expiry)
                .removalPolicy(removalPolicy)
                .build();
        // EventBridge notifications set on the L1: the L2 switch would add a custom-resource Lambda.
        for (Bucket b : List.of(accessLogs, bucket)) {
            ((CfnBucket) b.getNode().getDefaultChild()).setNotificationConfiguration(
                    CfnBucket.NotificationConfigurationProperty.builder()
                            .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                                    .eventBridgeEnabled(true).build())
                            .build());
        }
        String replication = "Canary artifacts are short-lived diagnostics that expire after days; a copy in"
                + " another region would add cost and no recovery value";
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(
                suppress("AwsSolutions-S1", "This is the server access log bucket; logging it to itself would loop"),
                suppress("HIPAA.Security-S3BucketLoggingEnabled", "This is the server access log bucket"),
                suppress("NIST.800.53.R5-S3BucketLoggingEnabled", "This is the server access log bucket"),
                suppress("PCI.DSS.321-S3BucketLoggingEnabled", "This is the server access log bucket"),
                suppress("HIPAA.Security-S3DefaultEncryptionKMS", "S3 delivers server access logs only to SSE-S3 buckets"),
                suppress("NIST.800.53.R5-S3DefaultEncryptionKMS", "S3 delivers server access logs only to SSE-S3 buckets"),
                suppress("PCI.DSS.321-S3DefaultEncryptionKMS", "S3 delivers server access logs only to SSE-S3 buckets"),
                suppress("HIPAA.Security-S3BucketReplicationEnabled", replication),
                suppress("NIST.800.53.R5-S3BucketReplicationEnabled", replication),
                suppress("PCI.DSS.321-S3BucketReplicationEnabled", replication)), true);
        NagSuppressions.addResourceSuppressions(bucket, List.of(
                suppress("HIPAA.Security-S3BucketReplicationEnabled", replication),
                suppress("NIST.800.53.R5-S3BucketReplicationEnabled", replication),
                suppress("PCI.DSS.321-S3BucketReplicationEnabled", replication)), true);
        // Control Tower proactive controls: the access-log bucket cannot use KMS and is not itself logged.
        ((CfnBucket) accessLogs.getNode().getDefaultChild()).addMetadata("guard", Map.of("SuppressedRules",
                List.of("s3_bucket_default_encryption_kms_check", "s3_bucket_logging_enabled_check")));
    }

    private static NagPackSuppression suppress(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }

    public IBucket bucket() {
        return bucket;
    }
}
