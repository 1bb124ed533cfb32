package io.github.opsbaseline.monitoring.canary;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
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
import software.constructs.Construct;

/**
 * A hardened bucket for canary artifacts (screenshots, HAR files, logs): KMS, TLS only, versioned,
 * public access blocked, object lock available, EventBridge notifications, server access logs to
 * a separate (also KMS-encrypted) bucket, and lifecycle rules that expire artifacts and old versions.
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
        // S3 log delivery writes SSE-KMS objects when the key policy lets it (aws-cdk#25350).
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowS3ServerAccessLogDelivery")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                .build());
        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
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
                .lifecycleRules(expiry)
                .removalPolicy(removalPolicy)
                .build();
        // Server access logging through a bucket policy (not the log-delivery ACL, which ACL-free
        // buckets refuse), set directly so it does not depend on the app's feature flags.
        ((CfnBucket) bucket.getNode().getDefaultChild()).setLoggingConfiguration(
                CfnBucket.LoggingConfigurationProperty.builder()
                        .destinationBucketName(accessLogs.getBucketName())
                        .logFilePrefix("artifacts/")
                        .build());
        // The log bucket logs its own access under self/ (no destination = itself): every bucket
        // is logged (CT.S3.PR.2) without a third bucket.
        ((CfnBucket) accessLogs.getNode().getDefaultChild()).setLoggingConfiguration(
                CfnBucket.LoggingConfigurationProperty.builder().logFilePrefix("self/").build());
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("ArnLike", Map.of("aws:SourceArn", List.of(bucket.getBucketArn(), accessLogs.getBucketArn())));
        conditions.put("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount()));
        accessLogs.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogs")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("logging.s3.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(accessLogs.arnForObjects("artifacts/*"), accessLogs.arnForObjects("self/*")))
                .conditions(conditions)
                .build());
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
        String accessLogReplication = "The artifact bucket's access logs: an operational record of a short-lived"
                + " diagnostics bucket, kept in the home region only";
        NagSuppressions.addResourceSuppressions(accessLogs, List.of(
                suppress("HIPAA.Security-S3BucketReplicationEnabled", accessLogReplication),
                suppress("NIST.800.53.R5-S3BucketReplicationEnabled", accessLogReplication),
                suppress("PCI.DSS.321-S3BucketReplicationEnabled", accessLogReplication)), true);
        NagSuppressions.addResourceSuppressions(bucket, List.of(
                suppress("HIPAA.Security-S3BucketReplicationEnabled", replication),
                suppress("NIST.800.53.R5-S3BucketReplicationEnabled", replication),
                suppress("PCI.DSS.321-S3BucketReplicationEnabled", replication)), true);
    }

    private static NagPackSuppression suppress(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }

    public IBucket bucket() {
        return bucket;
    }
}
