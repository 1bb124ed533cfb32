package io.github.opsbaseline.security;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The hardened S3 buckets of the security baseline: block public access, TLS only, versioning,
 * encryption, server access logs to a separate bucket, lifecycle, and the removal policy given.
 */
public final class SecureBucket {

    private SecureBucket() { }

    /**
     * The bucket that receives the other buckets' server access logs. It cannot log to itself, and
     * S3 server access logging supports only SSE-S3 on its target, hence no KMS here.
     */
    public static Bucket accessLogs(Construct scope, String id, int expireAfterDays, RemovalPolicy removalPolicy) {
        Bucket bucket = Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .encryption(BucketEncryption.S3_MANAGED)
                // The log delivery group writes through the bucket ACL unless the app sets
                // @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy; ObjectWriter keeps both working.
                .objectOwnership(ObjectOwnership.OBJECT_WRITER)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire")
                        .expiration(Duration.days(expireAfterDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .removalPolicy(removalPolicy)
                .build();
        NagSuppressions.addResourceSuppressions(bucket, List.of(
                NagPackSuppression.builder().id("AwsSolutions-S1")
                        .reason("This is the server access log bucket of the baseline; logging it to itself would loop").build(),
                NagPackSuppression.builder().id("HIPAA.Security-S3BucketLoggingEnabled")
                        .reason("This is the server access log bucket of the baseline; logging it to itself would loop").build(),
                NagPackSuppression.builder().id("NIST.800.53.R5-S3BucketLoggingEnabled")
                        .reason("This is the server access log bucket of the baseline; logging it to itself would loop").build(),
                NagPackSuppression.builder().id("PCI.DSS.321-S3BucketLoggingEnabled")
                        .reason("This is the server access log bucket of the baseline; logging it to itself would loop").build(),
                NagPackSuppression.builder().id("HIPAA.Security-S3DefaultEncryptionKMS")
                        .reason("S3 server access logging delivers only to SSE-S3 buckets").build(),
                NagPackSuppression.builder().id("NIST.800.53.R5-S3DefaultEncryptionKMS")
                        .reason("S3 server access logging delivers only to SSE-S3 buckets").build(),
                NagPackSuppression.builder().id("PCI.DSS.321-S3DefaultEncryptionKMS")
                        .reason("S3 server access logging delivers only to SSE-S3 buckets").build(),
                NagPackSuppression.builder().id("HIPAA.Security-S3BucketReplicationEnabled")
                        .reason("Access logs are an operational record; cross-region replication is the backup stack's concern").build(),
                NagPackSuppression.builder().id("NIST.800.53.R5-S3BucketReplicationEnabled")
                        .reason("Access logs are an operational record; cross-region replication is the backup stack's concern").build(),
                NagPackSuppression.builder().id("PCI.DSS.321-S3BucketReplicationEnabled")
                        .reason("Access logs are an operational record; cross-region replication is the backup stack's concern").build()),
                true);
        return bucket;
    }

    /**
     * A log archive bucket (trail, Config snapshots, flow logs).
     *
     * @param key the KMS key; null for SSE-S3 (for writers that cannot use a customer key)
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
        Bucket.Builder bucket = Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(accessLogs)
                .serverAccessLogsPrefix(logPrefix)
                .lifecycleRules(List.of(rule.build()))
                .removalPolicy(removalPolicy);
        if (key != null) {
            bucket.encryption(BucketEncryption.KMS).encryptionKey(key).bucketKeyEnabled(true);
        } else {
            bucket.encryption(BucketEncryption.S3_MANAGED);
        }
        Bucket built = bucket.build();
        NagSuppressions.addResourceSuppressions(built, List.of(
                NagPackSuppression.builder().id("HIPAA.Security-S3BucketReplicationEnabled")
                        .reason("Log archive in the home region; copies to the DR region are the backup stack's concern").build(),
                NagPackSuppression.builder().id("NIST.800.53.R5-S3BucketReplicationEnabled")
                        .reason("Log archive in the home region; copies to the DR region are the backup stack's concern").build(),
                NagPackSuppression.builder().id("PCI.DSS.321-S3BucketReplicationEnabled")
                        .reason("Log archive in the home region; copies to the DR region are the backup stack's concern").build()),
                true);
        return built;
    }
}
