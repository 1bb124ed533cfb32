package io.github.opsbaseline.security;


import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.config.CfnConfigRule;
import software.amazon.awscdk.services.config.CfnConfigurationRecorder;
import software.amazon.awscdk.services.config.CfnDeliveryChannel;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * AWS Config: a recorder of all supported resource types (global types only where the settings
 * say, network interfaces daily or excluded), a delivery channel to a hardened bucket, the managed
 * rules of the compliance list ({@link ComplianceRules}), and NON_COMPLIANT changes to the warning
 * topic. With {@code createRecorder=false} the region's existing recorder is used.
 */
public class ConfigCompliance extends Construct {

    static final String NETWORK_INTERFACE = "AWS::EC2::NetworkInterface";

    /**
     * Props of {@link ConfigCompliance}.
     *
     * @param names naming scheme; required
     * @param alertTopics where compliance changes go; required
     * @param standards the compliance list that picks managed rules; default none
     * @param settings recorder settings; default {@link SecurityConfig.AwsConfig#defaults()}
     * @param accessLogs bucket receiving the delivery bucket's access logs; required when the settings
     *     create a recorder (there is no delivery bucket otherwise)
     * @param key KMS key of the delivery bucket; required
     * @param removalPolicy of the delivery bucket; default RETAIN
     * @param securityHubRouted whether {@link SecurityHubFindings} routes this account's Security Hub
     *     findings; then Security Hub's own Config rules ({@code securityhub-*}) are left out of the
     *     NON_COMPLIANT alerts, which would repeat each control once per resource; default false
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, List<ComplianceStandard> standards,
                        SecurityConfig.AwsConfig settings, IBucket accessLogs, IKey key, RemovalPolicy removalPolicy,
                        boolean securityHubRouted) {

        /** Without Security Hub routing: every rule's NON_COMPLIANT change alerts. */
        public Props(ResourceNames names, IAlertTopics alertTopics, List<ComplianceStandard> standards,
                     SecurityConfig.AwsConfig settings, IBucket accessLogs, IKey key, RemovalPolicy removalPolicy) {
            this(names, alertTopics, standards, settings, accessLogs, key, removalPolicy, false);
        }

        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            Objects.requireNonNull(key, "key");
            standards = standards == null ? List.of() : List.copyOf(standards);
            settings = settings == null ? SecurityConfig.AwsConfig.defaults() : settings;
            if (settings.createRecorder()) {
                Objects.requireNonNull(accessLogs, "accessLogs (the recorder's delivery bucket logs to it)");
            }
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        }
    }

    private final CfnConfigurationRecorder recorder;
    private final Bucket bucket;

    public ConfigCompliance(Construct scope, String id, Props props) {
        super(scope, id);
        SecurityConfig.AwsConfig cfg = props.settings();
        Stack stack = Stack.of(this);
        CfnDeliveryChannel channel = null;
        if (cfg.createRecorder()) {
            Map<String, Object> sourceAccount = Map.of("StringEquals", Map.of("AWS:SourceAccount", stack.getAccount()));
            // AWS's trust policy for the Config role names this account (confused-deputy protection).
            Role role = Role.Builder.create(this, "RecorderRole")
                    .assumedBy(new ServicePrincipal("config.amazonaws.com").withConditions(sourceAccount))
                    .managedPolicies(List.of(ManagedPolicy.fromAwsManagedPolicyName("service-role/AWS_ConfigRole")))
                    .build();
            NagSuppressions.addResourceSuppressions(role, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
                    .reason("AWS_ConfigRole is the AWS-maintained read-only policy for the Config recorder; it tracks"
                            + " new resource types, which a hand-written policy would miss")
                    .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWS_ConfigRole")).build()),
                    true);
            // "DeliveryBucket", not the earlier "Bucket": that one had Object Lock, which cannot be turned
            // off, and Config does not deliver to it; an upgrade leaves it retained outside the stack.
            bucket = SecureBucket.configDeliveryArchive(this, "DeliveryBucket", props.key(), props.accessLogs(), "config/",
                    cfg.expireAfterDays(), props.removalPolicy());
            ServicePrincipal config = new ServicePrincipal("config.amazonaws.com");
            bucket.addToResourcePolicy(PolicyStatement.Builder.create().sid("AWSConfigBucketPermissionsCheck")
                    .effect(Effect.ALLOW).principals(List.of(config))
                    .actions(List.of("s3:GetBucketAcl", "s3:ListBucket")).resources(List.of(bucket.getBucketArn()))
                    .conditions(sourceAccount).build());
            bucket.addToResourcePolicy(PolicyStatement.Builder.create().sid("AWSConfigBucketDelivery")
                    .effect(Effect.ALLOW).principals(List.of(config))
                    .actions(List.of("s3:PutObject"))
                    .resources(List.of(bucket.arnForObjects("AWSLogs/" + stack.getAccount() + "/Config/*")))
                    .conditions(sourceAccount).build());
            // AWS's key policy for Config delivery names this account (confused-deputy protection).
            props.key().addToResourcePolicy(PolicyStatement.Builder.create().sid("AWSConfigUsesTheKey")
                    .effect(Effect.ALLOW).principals(List.of(config))
                    .actions(List.of("kms:Decrypt", "kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*"))
                    .resources(List.of("*"))
                    .conditions(sourceAccount).build());
            // Config delivers with the recorder's role first and falls back to its service principal
            // only when the role is denied; AWS_ConfigRole has no S3 or KMS rights, so the role gets
            // the delivery rights AWS's sample template gives it (a managed policy: IAMNoInlinePolicy).
            String deliveryPrefix = "AWSLogs/" + stack.getAccount() + "/Config/*";
            ManagedPolicy delivery = ManagedPolicy.Builder.create(this, "DeliveryPolicy")
                    .description("AWS Config delivery to the baseline's Config bucket")
                    .roles(List.of(role))
                    .statements(List.of(
                            PolicyStatement.Builder.create().actions(List.of("s3:GetBucketAcl"))
                                    .resources(List.of(bucket.getBucketArn())).build(),
                            PolicyStatement.Builder.create().actions(List.of("s3:PutObject"))
                                    .resources(List.of(bucket.arnForObjects(deliveryPrefix))).build(),
                            PolicyStatement.Builder.create().actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                                    .resources(List.of(props.key().getKeyArn())).build()))
                    .build();
            NagSuppressions.addResourceSuppressions(delivery, List.of(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                    .reason("Config writes one object per delivery under its documented prefix"
                            + " AWSLogs/<account>/Config/; the object names are Config's").build()));

            String ifIncluded = cfg.networkInterfaces() == SecurityConfig.NetworkInterfaceRecording.DAILY ? "daily" : "excluded";
            CfnConfigurationRecorder.RecordingGroupProperty group = cfg.networkInterfaces()
                    == SecurityConfig.NetworkInterfaceRecording.DAILY
                    ? CfnConfigurationRecorder.RecordingGroupProperty.builder()
                            .allSupported(true).includeGlobalResourceTypes(cfg.recordGlobalResources()).build()
                    : CfnConfigurationRecorder.RecordingGroupProperty.builder()
                            .allSupported(false).includeGlobalResourceTypes(false)
                            .exclusionByResourceTypes(CfnConfigurationRecorder.ExclusionByResourceTypesProperty.builder()
                                    .resourceTypes(List.of(NETWORK_INTERFACE)).build())
                            .recordingStrategy(CfnConfigurationRecorder.RecordingStrategyProperty.builder()
                                    .useOnly("EXCLUSION_BY_RESOURCE_TYPES").build())
                            .build();
            CfnConfigurationRecorder.RecordingModeProperty.Builder mode = CfnConfigurationRecorder.RecordingModeProperty
                    .builder().recordingFrequency("CONTINUOUS");
            if ("daily".equals(ifIncluded)) {
                // ENIs churn with every Fargate task: daily recording keeps the evidence, not the bill.
                mode.recordingModeOverrides(List.of(CfnConfigurationRecorder.RecordingModeOverrideProperty.builder()
                        .description("Network interfaces churn with every task; record them once a day")
                        .resourceTypes(List.of(NETWORK_INTERFACE))
                        .recordingFrequency("DAILY").build()));
            }
            recorder = CfnConfigurationRecorder.Builder.create(this, "Recorder")
                    .name(props.names().name("config-recorder"))
                    .roleArn(role.getRoleArn())
                    .recordingGroup(group)
                    .recordingMode(mode.build())
                    .build();
            channel = CfnDeliveryChannel.Builder.create(this, "DeliveryChannel")
                    .name(props.names().name("config-delivery"))
                    .s3BucketName(bucket.getBucketName())
                    .s3KmsKeyArn(props.key().getKeyArn())
                    .configSnapshotDeliveryProperties(CfnDeliveryChannel.ConfigSnapshotDeliveryPropertiesProperty.builder()
                            .deliveryFrequency(cfg.snapshotFrequency().value()).build())
                    .build();
        } else {
            recorder = null;
            bucket = null;
        }

        if (cfg.managedRules()) {
            for (String identifier : ComplianceRules.forStandards(props.standards())) {
                String ruleName = identifier.toLowerCase(Locale.ROOT).replace('_', '-');
                CfnConfigRule rule = CfnConfigRule.Builder.create(this, "Rule-" + ruleName)
                        .configRuleName(props.names().name(ruleName))
                        .source(CfnConfigRule.SourceProperty.builder().owner("AWS").sourceIdentifier(identifier).build())
                        .inputParameters(ComplianceRules.parameters(identifier))
                        .build();
                if (recorder != null) {
                    rule.addResourceDependency(recorder);
                }
            }
        }

        Rule changes = Rule.Builder.create(this, "NonCompliantRule")
                .ruleName(props.names().name("config-non-compliant"))
                .description("AWS Config rule evaluations that turned NON_COMPLIANT")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.config"))
                        .detailType(List.of("Config Rules Compliance Change"))
                        .detail(nonCompliantDetail(props.securityHubRouted()))
                        .build())
                .build();
        changes.addTarget(props.alertTopics().eventTarget(Severity.WARNING, null));
        if (channel != null) {
            // Not on the recorder: CloudFormation starts the recorder once a channel exists, so a
            // channel waiting for the recorder deadlocks the create (AWS's sample has neither wait).
            // On the bucket policy: PutDeliveryChannel checks that Config may write to the bucket.
            channel.getNode().addDependency(bucket.getPolicy());
        }
    }

    /**
     * Rule evaluations that turned NON_COMPLIANT; where the baseline routes Security Hub findings, not
     * Security Hub's own rules ({@code securityhub-*}), which reach people as its findings and here
     * would repeat each control once per resource.
     */
    private static Map<String, Object> nonCompliantDetail(boolean securityHubRouted) {
        Map<String, Object> detail = new java.util.LinkedHashMap<>();
        if (securityHubRouted) {
            detail.put("configRuleName", List.of(Map.of("anything-but", Map.of("prefix", "securityhub-"))));
        }
        detail.put("newEvaluationResult", Map.of("complianceType", List.of("NON_COMPLIANT")));
        return detail;
    }

    /** The recorder, or null when an existing one is used. */
    public CfnConfigurationRecorder recorder() {
        return recorder;
    }

    /** The delivery bucket, or null when an existing recorder is used. */
    public Bucket bucket() {
        return bucket;
    }

}
