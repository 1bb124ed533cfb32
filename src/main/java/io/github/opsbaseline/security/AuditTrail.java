package io.github.opsbaseline.security;

import io.github.opsbaseline.compliance.KeyGrantGuard;
import static io.github.opsbaseline.security.Cfn.map;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudtrail.CfnTrail;
import software.amazon.awscdk.services.cloudtrail.InsightType;
import software.amazon.awscdk.services.cloudtrail.ReadWriteType;
import software.amazon.awscdk.services.cloudtrail.Trail;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * The account's audit trail: multi-region, global service events, log file validation, encrypted
 * with its own rotating KMS key whose policy lets CloudTrail use it only for this account's trails
 * (encryption-context condition), delivered to a hardened bucket (retained, lifecycle from props)
 * and to a KMS-encrypted CloudWatch log group that the CIS alarms read. The bucket refuses delivery
 * from any other trail (aws:SourceArn), as the key does. Optional Insights and S3
 * data events; data events use advanced event selectors that leave out the trail's own buckets
 * (logging the log bucket's writes would log itself).
 */
public class AuditTrail extends Construct {

    /**
     * Props of {@link AuditTrail}.
     *
     * @param names naming scheme; required
     * @param settings retention, lifecycle, Insights, data events; default {@link SecurityConfig.CloudTrail#defaults()}
     * @param accessLogs bucket receiving the trail bucket's server access logs; required
     * @param logKey KMS key of the CloudWatch log group; required
     * @param removalPolicy of the key, bucket and log group; default RETAIN
     */
    public record Props(ResourceNames names, SecurityConfig.CloudTrail settings, IBucket accessLogs, IKey logKey,
                        RemovalPolicy removalPolicy) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(accessLogs, "accessLogs");
            Objects.requireNonNull(logKey, "logKey");
            settings = settings == null ? SecurityConfig.CloudTrail.defaults() : settings;
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        }
    }

    private final Trail trail;
    private final Key key;
    private final Bucket bucket;
    private final LogGroup logGroup;

    public AuditTrail(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        SecurityConfig.CloudTrail ct = props.settings();
        String trailName = props.names().name("trail");
        String trailArn = "arn:" + stack.getPartition() + ":cloudtrail:" + stack.getRegion() + ":"
                + stack.getAccount() + ":trail/" + trailName;

        key = KeyGrantGuard.guard(Key.Builder.create(this, "Key")
                .alias(props.names().name("trail"))
                .description("Encrypts the CloudTrail logs of " + props.names().prefix())
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(30))
                .removalPolicy(props.removalPolicy())
                .build());
        // Cfn.map: ordered, so the policy is byte-identical run to run.
        key.addToResourcePolicy(cloudTrailMay("AllowCloudTrailToEncryptLogsOfThisAccount", "kms:GenerateDataKey*", map(
                "StringLike", Map.of("kms:EncryptionContext:aws:cloudtrail:arn",
                        "arn:" + stack.getPartition() + ":cloudtrail:*:" + stack.getAccount() + ":trail/*"),
                "StringEquals", Map.of("aws:SourceArn", trailArn))));
        // The trail bucket uses an S3 Bucket Key, and CloudTrail then needs kms:Decrypt to create or
        // update an SSE-KMS trail (AWS: "Configure AWS KMS key policies for CloudTrail").
        Map<String, Object> thisTrail = Map.of("StringEquals", Map.of("aws:SourceArn", trailArn));
        Map<String, Object> thisTrailOnly = Map.of("StringNotEquals", Map.of("aws:SourceArn", trailArn));
        key.addToResourcePolicy(cloudTrailMay("AllowCloudTrailToDecryptForTheBucketKey", "kms:Decrypt", thisTrail));
        key.addToResourcePolicy(cloudTrailMay("AllowCloudTrailToDescribeKey", "kms:DescribeKey", thisTrail));

        bucket = SecureBucket.logArchive(this, "Bucket", key, props.accessLogs(), "cloudtrail/",
                ct.glacierAfterDays(), ct.expireAfterDays(), props.removalPolicy());
        logGroup = LogGroup.Builder.create(this, "LogGroup")
                .logGroupName("/aws/cloudtrail/" + trailName)
                .encryptionKey(props.logKey())
                .retention(WebFirewall.retention(ct.logRetentionDays()))
                .removalPolicy(props.removalPolicy())
                .build();

        List<InsightType> insights = new ArrayList<>();
        for (SecurityConfig.InsightType t : ct.insights()) {
            insights.add(t == SecurityConfig.InsightType.API_CALL_RATE ? InsightType.API_CALL_RATE : InsightType.API_ERROR_RATE);
        }
        Trail.Builder builder = Trail.Builder.create(this, "Trail")
                .trailName(trailName)
                .bucket(bucket)
                .encryptionKey(key)
                .isMultiRegionTrail(true)
                .includeGlobalServiceEvents(true)
                .enableFileValidation(true)
                .managementEvents(ReadWriteType.ALL)
                .sendToCloudWatchLogs(true)
                .cloudWatchLogGroup(logGroup);
        if (!insights.isEmpty()) {
            builder.insightTypes(insights);
        }
        trail = builder.build();
        trail.getNode().addDependency(key);
        // The Trail construct's two bucket statements let CloudTrail deliver for any trail that names
        // this bucket (writes only under AWSLogs/<this account>/, but other trails of the account
        // too); AWS advises tying delivery to this trail's ARN (confused deputy). A deny for every
        // other source leaves the construct's own statements untouched.
        bucket.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("DenyCloudTrailDeliveryForOtherTrails")
                .effect(Effect.DENY)
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of("s3:GetBucketAcl", "s3:PutObject"))
                .resources(List.of(bucket.getBucketArn(), bucket.arnForObjects("*")))
                .conditions(thisTrailOnly)
                .build());
        if (ct.s3DataEvents()) {
            CfnTrail cfn = (CfnTrail) trail.getNode().getDefaultChild();
            // Advanced selectors replace basic ones; management events must then be selected too.
            cfn.addPropertyDeletionOverride("EventSelectors");
            cfn.addPropertyOverride("AdvancedEventSelectors", List.of(
                    map("Name", "Management events", "FieldSelectors", List.of(
                            map("Field", "eventCategory", "Equals", List.of("Management")))),
                    map("Name", "S3 object events except the trail's own buckets", "FieldSelectors", List.of(
                            map("Field", "eventCategory", "Equals", List.of("Data")),
                            map("Field", "resources.type", "Equals", List.of("AWS::S3::Object")),
                            map("Field", "resources.ARN", "NotStartsWith", List.of(
                                    bucket.getBucketArn() + "/", props.accessLogs().getBucketArn() + "/"))))));
        }
        String inline = "The CDK Trail construct creates this delivery role with one inline policy scoped to the"
                + " trail's own log group; a managed policy would add no reuse and no narrower scope";
        NagSuppressions.addResourceSuppressions(trail, List.of(
                NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("CloudTrail's delivery role may create and write log streams of its own log group only;"
                                + " stream names are chosen by CloudTrail, hence the stream wildcard").build(),
                NagPackSuppression.builder().id("HIPAA.Security-IAMNoInlinePolicy").reason(inline).build(),
                NagPackSuppression.builder().id("NIST.800.53.R5-IAMNoInlinePolicy").reason(inline).build(),
                NagPackSuppression.builder().id("PCI.DSS.321-IAMNoInlinePolicy").reason(inline).build()), true);
    }

    public Trail trail() {
        return trail;
    }

    public Key key() {
        return key;
    }

    public Bucket bucket() {
        return bucket;
    }

    public LogGroup logGroup() {
        return logGroup;
    }

    /** A key-policy statement letting CloudTrail take one action under these conditions. */
    private static PolicyStatement cloudTrailMay(String sid, String action, Map<String, Object> conditions) {
        return PolicyStatement.Builder.create()
                .sid(sid)
                .effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("cloudtrail.amazonaws.com")))
                .actions(List.of(action))
                .resources(List.of("*"))
                .conditions(conditions)
                .build();
    }
}
