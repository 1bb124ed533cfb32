package io.github.opsbaseline.core;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * The hardening every bucket of the baseline shares, written once: the security, backup and canary
 * buckets differ in lifecycle, name and where their access logs go, not in this. Together with
 * {@link #sendEventsToEventBridge} and {@link #logTo} it is what AWS Control Tower's proactive S3
 * controls (CT.S3.PR.1 to 10) and the cdk-nag packs ask of a bucket.
 */
public final class HardenedBucket {

    /** The packs' cross-region replication rule, one id per pack that has it. */
    private static final List<String> REPLICATION_RULES = List.of(
            "HIPAA.Security-S3BucketReplicationEnabled",
            "NIST.800.53.R5-S3BucketReplicationEnabled",
            "PCI.DSS.321-S3BucketReplicationEnabled");

    /** The principal S3 delivers server access logs as. */
    public static final String LOGGING_SERVICE = "logging.s3.amazonaws.com";

    private HardenedBucket() { }

    /**
     * A bucket builder with public access blocked, TLS only, versioning, SSE-KMS under {@code key}
     * with an S3 bucket key (fewer KMS requests), ACLs off (bucket owner enforced) and S3 Object Lock
     * enabled. Object Lock has no default retention here: S3 refuses log delivery to a bucket with
     * one, and lifecycle rules must still be able to expire objects; versions can still be locked by
     * legal hold or per-object retention (CT.S3.PR.9).
     *
     * @param removalPolicy what deleting the stack does to the bucket; the callers pass RETAIN unless
     *        the environment says destroy
     */
    public static Bucket.Builder builder(Construct scope, String id, IKey key, RemovalPolicy removalPolicy) {
        return Bucket.Builder.create(scope, id)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .versioned(true)
                .objectLockEnabled(true)
                .encryption(BucketEncryption.KMS)
                .encryptionKey(key)
                .bucketKeyEnabled(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(removalPolicy);
    }

    /**
     * Object events to EventBridge (CT.S3.PR.4), set on the L1: the L2's {@code eventBridgeEnabled}
     * deploys a custom-resource Lambda for what CloudFormation does natively.
     */
    public static void sendEventsToEventBridge(Bucket bucket) {
        cfn(bucket).setNotificationConfiguration(CfnBucket.NotificationConfigurationProperty.builder()
                .eventBridgeConfiguration(CfnBucket.EventBridgeConfigurationProperty.builder()
                        .eventBridgeEnabled(true).build())
                .build());
    }

    /**
     * Server access logs of {@code bucket} to {@code destination} under {@code prefix}, or to the bucket
     * itself when {@code destination} is null. Set on the L1: the L2 option adds the log-delivery ACL
     * (CT.S3.PR.5) unless the app sets {@code @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy}, so the
     * caller writes the destination's bucket policy statement for the logging service.
     */
    public static void logTo(Bucket bucket, IBucket destination, String prefix) {
        CfnBucket.LoggingConfigurationProperty.Builder logging = CfnBucket.LoggingConfigurationProperty.builder()
                .logFilePrefix(prefix);
        if (destination != null) {
            logging.destinationBucketName(destination.getBucketName());
        }
        cfn(bucket).setLoggingConfiguration(logging.build());
    }

    /**
     * Server access logs of {@code source} delivered to {@code destination} under {@code prefix} (the
     * same bucket for a log bucket logging itself), with the destination's bucket policy statement
     * that lets the S3 logging service write there for this source bucket and account only. It does
     * what the L2's {@code serverAccessLogsBucket} does under
     * {@code @aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy}, without the grant on the destination's
     * key that the L2 adds with no condition (any account's bucket could then have the logging service
     * use the key); the destination's key policy says itself which account's logs may use it.
     */
    public static void deliverAccessLogs(Bucket source, Bucket destination, String prefix) {
        logTo(source, source == destination ? null : destination, prefix);
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("ArnLike", Map.of("aws:SourceArn", source.getBucketArn()));
        conditions.put("StringEquals", Map.of("aws:SourceAccount", Stack.of(source).getAccount()));
        destination.addToResourcePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(LOGGING_SERVICE)))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(destination.arnForObjects(prefix + "*")))
                .conditions(conditions)
                .build());
    }

    /**
     * Lets the S3 logging service encrypt access logs under {@code key} (a log bucket under SSE-KMS;
     * aws-cdk#25350), for this stack's account only, so no other account's buckets can have the service
     * use the key (confused deputy). Every access-log bucket of the baseline calls this once for its key.
     */
    public static void letAccessLogDeliveryUse(IKey key, Construct scope) {
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogDelivery")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(LOGGING_SERVICE)))
                .actions(List.of("kms:GenerateDataKey", "kms:Decrypt"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(scope).getAccount())))
                .build());
    }

    /**
     * Suppresses the packs' cross-region replication rule on {@code bucket}, for {@code reason}: the
     * buckets that are not replicated say why each, in the template.
     */
    public static void notReplicated(Bucket bucket, String reason) {
        NagSuppressions.addResourceSuppressions(bucket, REPLICATION_RULES.stream()
                .map(rule -> NagPackSuppression.builder().id(rule).reason(reason).build())
                .toList(), true);
    }

    private static CfnBucket cfn(Bucket bucket) {
        return (CfnBucket) bucket.getNode().getDefaultChild();
    }
}
