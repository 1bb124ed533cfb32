package io.github.opsbaseline.monitoring.canary;

import io.github.opsbaseline.core.HardenedBucket;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
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
        HardenedBucket.letAccessLogDeliveryUse(key, this);
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
        // The log bucket logs its own access under self/: every bucket is logged (CT.S3.PR.2) without a third.
        HardenedBucket.deliverAccessLogs(bucket, accessLogs, "artifacts/");
        HardenedBucket.deliverAccessLogs(accessLogs, accessLogs, "self/");
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
