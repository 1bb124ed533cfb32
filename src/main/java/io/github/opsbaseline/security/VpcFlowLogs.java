package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.OrderedMaps;
import io.github.opsbaseline.core.ResourceNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.ec2.CfnFlowLog;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.amazon.awscdk.services.logs.QueryDefinition;
import software.amazon.awscdk.services.logs.QueryString;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * VPC Flow Logs for each VPC, in a custom format with the useful v3-v5 fields, to a KMS-encrypted
 * log group and/or a hardened bucket; a metric filter on REJECT records with an alarm; saved
 * queries for the top rejected sources and the top talkers.
 */
public class VpcFlowLogs extends Construct {

    /** Default fields (v2) plus vpc/subnet/instance, TCP flags, packet addresses (v3), region and AZ (v4), direction and path (v5). */
    public static final List<String> FIELDS = List.of("version", "account-id", "interface-id", "srcaddr", "dstaddr",
            "srcport", "dstport", "protocol", "packets", "bytes", "start", "end", "action", "log-status",
            "vpc-id", "subnet-id", "instance-id", "tcp-flags", "type", "pkt-srcaddr", "pkt-dstaddr",
            "region", "az-id", "flow-direction", "traffic-path");

    /**
     * Props of {@link VpcFlowLogs}.
     *
     * @param names naming scheme; required
     * @param alertTopics where the REJECT alarm goes; required
     * @param vpcs VPC ids by short name, in a stable order; required
     * @param settings destinations, format, thresholds; default {@link SecurityConfig.FlowLogs#defaults()}
     * @param logKey KMS key of the log groups; required when delivering to CloudWatch Logs
     * @param bucket destination bucket; required when delivering to S3
     * @param removalPolicy of the log groups; default RETAIN
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, Map<String, String> vpcs,
                        SecurityConfig.FlowLogs settings, IKey logKey, IBucket bucket, RemovalPolicy removalPolicy) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            vpcs = vpcs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vpcs));
            settings = settings == null ? SecurityConfig.FlowLogs.defaults() : settings;
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        }
    }

    public VpcFlowLogs(Construct scope, String id, Props props) {
        super(scope, id);
        SecurityConfig.FlowLogs fl = props.settings();
        String format = String.join(" ", FIELDS.stream().map(f -> "${" + f + "}").toList());
        Stack stack = Stack.of(this);
        // The trust AWS recommends for the delivery role: only this account's flow logs may assume it.
        Role role = fl.cloudWatchLogs() && !props.vpcs().isEmpty() ? Role.Builder.create(this, "DeliveryRole")
                .assumedBy(new ServicePrincipal("vpc-flow-logs.amazonaws.com").withConditions(OrderedMaps.of(
                        "StringEquals", Map.of("aws:SourceAccount", stack.getAccount()),
                        "ArnLike", Map.of("aws:SourceArn", "arn:" + stack.getPartition() + ":ec2:" + stack.getRegion()
                                + ":" + stack.getAccount() + ":vpc-flow-log/*"))))
                .build() : null;
        // A customer managed policy rather than an inline one (HIPAA/NIST/PCI IAMNoInlinePolicy).
        ManagedPolicy delivery = role == null ? null : ManagedPolicy.Builder.create(this, "DeliveryPolicy")
                .description("VPC Flow Logs delivery to the baseline's flow log groups").roles(List.of(role)).build();
        if (fl.s3() && !props.vpcs().isEmpty()) {
            allowLogDelivery(props.bucket(), props.logKey());
        }
        SecurityAlarms alarms = new SecurityAlarms(props.names(), props.alertTopics());
        props.vpcs().forEach((name, vpcId) -> {
            if (fl.cloudWatchLogs()) {
                LogGroup group = LogGroup.Builder.create(this, "LogGroup-" + name)
                        .logGroupName("/vpc/flow-logs/" + props.names().name(name))
                        .encryptionKey(props.logKey())
                        .retention(WebFirewall.retention(fl.logRetentionDays()))
                        .removalPolicy(props.removalPolicy())
                        .build();
                delivery.addStatements(PolicyStatement.Builder.create()
                        .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"))
                        .resources(List.of(group.getLogGroupArn())).build());
                CfnFlowLog.Builder.create(this, "CloudWatchFlowLog-" + name)
                        .resourceId(vpcId).resourceType("VPC").trafficType(fl.trafficType().name())
                        .logDestinationType("cloud-watch-logs").logGroupName(group.getLogGroupName())
                        .deliverLogsPermissionArn(role.getRoleArn())
                        .logFormat(format).maxAggregationInterval(fl.aggregationIntervalSeconds())
                        .build();
                String metricName = "RejectedFlows-" + name;
                MetricFilter.Builder.create(this, "RejectFilter-" + name)
                        .logGroup(group)
                        .filterName(props.names().name("flow-logs", name, "reject"))
                        .filterPattern(FilterPattern.literal("[" + String.join(", ", FIELDS.stream()
                                .map(f -> f.equals("action") ? "action=\"REJECT\"" : f.replace('-', '_')).toList()) + "]"))
                        .metricNamespace("OpsBaseline/FlowLogs")
                        .metricName(metricName)
                        .metricValue("1")
                        .build();
                alarms.atLeast(this, "RejectAlarm-" + name, Metric.Builder.create().namespace("OpsBaseline/FlowLogs")
                                .metricName(metricName).statistic("Sum").period(Duration.minutes(5)).build(),
                        fl.rejectedPacketsThreshold(), "vpc-" + name, "rejected-flows", Severity.WARNING,
                        "VPC " + vpcId + " (" + name + ") rejected at least " + fl.rejectedPacketsThreshold()
                                + " flows in 5 minutes: a port scan, or a security group or NACL change blocking real"
                                + " traffic. Check first the saved query '" + props.names().name("flow-logs", name,
                                "top-rejected-sources") + "'.");
                String parse = "@message \"" + String.join(" ", FIELDS.stream().map(f -> "*").toList()) + "\" as "
                        + String.join(", ", FIELDS.stream().map(f -> f.replace('-', '_')).toList());
                QueryDefinition.Builder.create(this, "TopRejectedQuery-" + name)
                        .queryDefinitionName(props.names().name("flow-logs", name, "top-rejected-sources"))
                        .logGroups(List.of(group))
                        .queryString(QueryString.Builder.create().parseStatements(List.of(parse)).filterStatements(List.of("action = \"REJECT\""))
                                .statsStatements(List.of("count(*) as rejected by srcaddr, dstport")).sort("rejected desc").limit(25).build())
                        .build();
                QueryDefinition.Builder.create(this, "TopTalkersQuery-" + name)
                        .queryDefinitionName(props.names().name("flow-logs", name, "top-talkers"))
                        .logGroups(List.of(group))
                        .queryString(QueryString.Builder.create().parseStatements(List.of(parse))
                                .statsStatements(List.of("sum(bytes) as total_bytes by srcaddr, dstaddr")).sort("total_bytes desc")
                                .limit(25).build())
                        .build();
            }
            if (fl.s3()) {
                CfnFlowLog.Builder.create(this, "S3FlowLog-" + name)
                        .resourceId(vpcId).resourceType("VPC").trafficType(fl.trafficType().name())
                        .logDestinationType("s3").logDestination(props.bucket().getBucketArn() + "/vpc-flow-logs/" + name)
                        .logFormat(format).maxAggregationInterval(fl.aggregationIntervalSeconds())
                        .build();
            }
        });
    }

    /**
     * The bucket policy and key permissions VPC Flow Logs needs to write to an SSE-KMS bucket. AWS
     * would add the bucket policy itself at deploy time, but never the key policy.
     */
    private static void allowLogDelivery(IBucket bucket, IKey key) {
        ServicePrincipal delivery = new ServicePrincipal("delivery.logs.amazonaws.com");
        String account = software.amazon.awscdk.Stack.of(bucket).getAccount();
        bucket.addToResourcePolicy(PolicyStatement.Builder.create().sid("AWSLogDeliveryAclCheck")
                .principals(List.of(delivery)).actions(List.of("s3:GetBucketAcl"))
                .resources(List.of(bucket.getBucketArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account))).build());
        bucket.addToResourcePolicy(PolicyStatement.Builder.create().sid("AWSLogDeliveryWrite")
                .principals(List.of(delivery)).actions(List.of("s3:PutObject"))
                .resources(List.of(bucket.arnForObjects("vpc-flow-logs/*")))
                .conditions(Map.of("StringEquals", Cfn.map("aws:SourceAccount", account,
                        "s3:x-amz-acl", "bucket-owner-full-control"))).build());
        // Only deliveries for this account's flow logs (AWS's key policy for vended logs names the account).
        key.addToResourcePolicy(PolicyStatement.Builder.create().sid("LogDeliveryUsesTheKey")
                .principals(List.of(delivery))
                .actions(List.of("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:DescribeKey"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", account))).build());
    }
}
