package io.github.opsbaseline.security;

import io.github.opsbaseline.core.HardenedBucket;
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
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.constructs.Construct;

/**
 * The S3 buckets of the security baseline: {@link HardenedBucket}'s hardening, EventBridge
 * notifications, lifecycle, and server access logs written through a bucket policy this class writes
 * itself (no ACLs, and no dependence on the app's S3 feature flags).
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
        Bucket bucket = HardenedBucket.builder(scope, id, key, removalPolicy)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire")
                        .expiration(Duration.days(expireAfterDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .build();
        HardenedBucket.logTo(bucket, null, "self/");
        // For any of this account's buckets, not per source (HardenedBucket.deliverAccessLogs): a stack of
        // the user's may log here, and naming its buckets in this policy would make the two stacks refer
        // to each other.
        Stack stack = Stack.of(scope);
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("S3ServerAccessLogsPolicy")
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal(HardenedBucket.LOGGING_SERVICE)))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("*")))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", stack.getAccount())))
                .build());
        HardenedBucket.letAccessLogDeliveryUse(key, scope);
        HardenedBucket.sendEventsToEventBridge(bucket);
        HardenedBucket.notReplicated(bucket, "Not replicated: access logs are an operational record kept in the home"
                + " region only (versioned, object-locked, retained); the baseline makes no DR copy of them");
        return bucket;
    }

    /**
     * A log archive bucket (trail, flow logs).
     *
     * @param key the KMS key
     * @param accessLogs the bucket made by {@link #accessLogs}
     * @param glacierAfterDays days before objects move to Glacier Flexible Retrieval; null for never
     */
    public static Bucket logArchive(Construct scope, String id, IKey key, IBucket accessLogs, String logPrefix,
                                    Integer glacierAfterDays, int expireAfterDays, RemovalPolicy removalPolicy) {
        return archive(scope, id, key, accessLogs, logPrefix, glacierAfterDays, expireAfterDays, removalPolicy, true);
    }

    /**
     * {@link #logArchive} for AWS Config's delivery channel, without Object Lock: AWS Config does not
     * deliver to a bucket with Object Lock enabled (AWS::Config::DeliveryChannel reference). It is the
     * one bucket of the baseline outside Control Tower's CT.S3.PR.9, and exists only where the baseline
     * creates the account's recorder, which a Control Tower account (where that control may be enforced)
     * leaves to Control Tower. Versioning, retention by lifecycle and the removal policy still apply.
     */
    public static Bucket configDeliveryArchive(Construct scope, String id, IKey key, IBucket accessLogs, String logPrefix,
                                               int expireAfterDays, RemovalPolicy removalPolicy) {
        return archive(scope, id, key, accessLogs, logPrefix, null, expireAfterDays, removalPolicy, false);
    }

    private static Bucket archive(Construct scope, String id, IKey key, IBucket accessLogs, String logPrefix,
                                  Integer glacierAfterDays, int expireAfterDays, RemovalPolicy removalPolicy,
                                  boolean objectLock) {
        LifecycleRule.Builder rule = LifecycleRule.builder().id("archive-then-expire")
                .expiration(Duration.days(expireAfterDays))
                .noncurrentVersionExpiration(Duration.days(90));
        if (glacierAfterDays != null) {
            rule.transitions(new ArrayList<>(List.of(Transition.builder()
                    .storageClass(StorageClass.GLACIER).transitionAfter(Duration.days(glacierAfterDays)).build())));
        }
        Bucket bucket = HardenedBucket.builder(scope, id, key, removalPolicy)
                .objectLockEnabled(objectLock)
                .lifecycleRules(List.of(rule.build()))
                .build();
        // The target's bucket policy (accessLogs above) lets the logging service write it.
        HardenedBucket.logTo(bucket, accessLogs, logPrefix);
        HardenedBucket.sendEventsToEventBridge(bucket);
        HardenedBucket.notReplicated(bucket, "Not replicated: the baseline keeps this audit log archive in the home"
                + " region only (versioned" + (objectLock ? ", object-locked" : "") + ", retained); a cross-region copy of audit evidence is an"
                + " organization's log-archive account's job (e.g. a Control Tower organization trail)");
        return bucket;
    }
}
