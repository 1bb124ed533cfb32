package io.github.opsbaseline.backup;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The baseline's buckets: versioned, KMS-encrypted, TLS only, public access blocked, ACLs off,
 * server access logs to a separate bucket, removal policy from the caller (RETAIN by default).
 */
public final class HardenedBuckets {

    private HardenedBuckets() { }

    /**
     * The CDK feature flag that makes S3 deliver access logs by bucket policy; the stacks holding
     * these buckets set it (ACLs are disabled, so the legacy LogDeliveryWrite grant cannot work).
     */
    public static final String ACCESS_LOGS_BY_POLICY = "@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy";

    /**
     * The bucket that receives server access logs. S3 writes access logs only to SSE-S3 buckets,
     * so it cannot use the customer-managed key; its objects expire after {@code retentionDays}.
     */
    public static Bucket accessLogs(Construct scope, String id, RemovalPolicy removalPolicy, int retentionDays) {
        Bucket logs = Bucket.Builder.create(scope, id)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .versioned(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(removalPolicy)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(retentionDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .build();
        String why = "This is the server-access-log bucket: S3 delivers access logs only to SSE-S3 buckets, "
                + "logging it to itself would loop, and access logs are rebuilt on loss rather than replicated.";
        Nag.suppress(logs, "AwsSolutions-S1", why);
        Nag.suppress(logs, "HIPAA.Security-S3BucketLoggingEnabled", why);
        Nag.suppress(logs, "NIST.800.53.R5-S3BucketLoggingEnabled", why);
        Nag.suppress(logs, "PCI.DSS.321-S3BucketLoggingEnabled", why);
        Nag.suppress(logs, "HIPAA.Security-S3BucketReplicationEnabled", why);
        Nag.suppress(logs, "NIST.800.53.R5-S3BucketReplicationEnabled", why);
        Nag.suppress(logs, "PCI.DSS.321-S3BucketReplicationEnabled", why);
        Nag.suppress(logs, "HIPAA.Security-S3DefaultEncryptionKMS", why);
        Nag.suppress(logs, "NIST.800.53.R5-S3DefaultEncryptionKMS", why);
        Nag.suppress(logs, "PCI.DSS.321-S3DefaultEncryptionKMS", why);
        return logs;
    }

    /** A hardened, KMS-encrypted bucket logging to {@code accessLogs} under {@code <id>/}. */
    public static Bucket encrypted(Construct scope, String id, IKey key, Bucket accessLogs, RemovalPolicy removalPolicy,
                                   List<LifecycleRule> lifecycleRules, String bucketName) {
        return Bucket.Builder.create(scope, id)
                .bucketName(bucketName)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .enforceSsl(true)
                .versioned(true)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(id + "/")
                .lifecycleRules(lifecycleRules)
                .removalPolicy(removalPolicy)
                .build();
    }
}
