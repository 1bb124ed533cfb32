package io.github.opsbaseline.backup;

import io.github.opsbaseline.core.HardenedBucket;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.constructs.Construct;

/**
 * The backup stacks' buckets: {@link HardenedBucket}'s hardening, events to EventBridge, lifecycle
 * rules, and server access logs delivered by bucket policy to a separate bucket
 * ({@link HardenedBucket#deliverAccessLogs}).
 */
public final class HardenedBuckets {

    private HardenedBuckets() { }

    /**
     * The bucket that receives server access logs: KMS-encrypted with {@code key} (whose policy lets
     * the S3 logging service use it), Object Lock on without a default retention (S3 refuses log
     * delivery to a bucket with one), objects expiring after {@code retentionDays}. Its own access
     * logs go to itself under {@code self/}: a log bucket needs somewhere to log, and another bucket
     * would need one too.
     */
    public static Bucket accessLogs(Construct scope, String id, Key key, RemovalPolicy removalPolicy, int retentionDays) {
        HardenedBucket.letAccessLogDeliveryUse(key, scope);
        Bucket logs = HardenedBucket.builder(scope, id, key, removalPolicy)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(retentionDays))
                        .noncurrentVersionExpiration(Duration.days(30)).build()))
                .build();
        HardenedBucket.deliverAccessLogs(logs, logs, "self/");
        HardenedBucket.sendEventsToEventBridge(logs);
        HardenedBucket.notReplicated(logs, "This is the server-access-log bucket: access logs are operational evidence"
                + " kept " + retentionDays + " days in the region, not data to recover elsewhere.");
        return logs;
    }

    /**
     * A hardened, KMS-encrypted bucket logging to {@code accessLogs} under {@code <id>/}; without
     * lifecycle rules, replaced versions expire after a year.
     */
    public static Bucket encrypted(Construct scope, String id, IKey key, Bucket accessLogs, RemovalPolicy removalPolicy,
                                   List<LifecycleRule> lifecycleRules, String bucketName) {
        Bucket bucket = HardenedBucket.builder(scope, id, key, removalPolicy)
                .bucketName(bucketName)
                .lifecycleRules(lifecycleRules.isEmpty() ? List.of(LifecycleRule.builder().id("expire-old-versions")
                        .noncurrentVersionExpiration(Duration.days(365)).build()) : lifecycleRules)
                .build();
        HardenedBucket.deliverAccessLogs(bucket, accessLogs, id + "/");
        HardenedBucket.sendEventsToEventBridge(bucket);
        return bucket;
    }
}
