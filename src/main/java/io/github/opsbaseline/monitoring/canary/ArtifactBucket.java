package io.github.opsbaseline.monitoring.canary;

import io.github.opsbaseline.core.HardenedBucket;
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
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
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
        Bucket accessLogs = HardenedBucket.builder(this, "AccessLogs", key, removalPolicy)
                .lifecycleRules(List.of(LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(Math.max(expireAfterDays, 90)))
                        .noncurrentVersionExpiration(Duration.days(7))
                        .build()))
                .build();
        bucket = HardenedBucket.builder(this, "Bucket", key, removalPolicy)
                .lifecycleRules(expiry)
                .build();
        // Server access logging through a bucket policy (not the log-delivery ACL, which ACL-free
        // buckets refuse), set directly so it does not depend on the app's feature flags. The log
        // bucket logs its own access under self/: every bucket is logged (CT.S3.PR.2) without a third.
        HardenedBucket.logTo(bucket, accessLogs, "artifacts/");
        HardenedBucket.logTo(accessLogs, null, "self/");
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
        HardenedBucket.sendEventsToEventBridge(accessLogs);
        HardenedBucket.sendEventsToEventBridge(bucket);
        HardenedBucket.notReplicated(accessLogs, "The artifact bucket's access logs: an operational record of a"
                + " short-lived diagnostics bucket, kept in the home region only");
        HardenedBucket.notReplicated(bucket, "Canary artifacts are short-lived diagnostics that expire after days;"
                + " a copy in another region would add cost and no recovery value");
    }

    public IBucket bucket() {
        return bucket;
    }
}
