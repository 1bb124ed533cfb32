package io.github.opsbaseline.backup;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.core.ResourceNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.ec2.CfnSecurityGroup;
import software.amazon.awscdk.services.lambda.CfnFunction;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The scheduled disaster-recovery check (seed 003: "a disaster-recovery Lambda that checks health
 * and reports through SNS"). A small inline Python function checks the age of the newest recovery
 * point per protected resource, the last day's backup and copy jobs and the health URLs; it sends
 * the report to the info topic and publishes {@code DrHealthy} (1 or 0), which a critical alarm
 * watches. No data is treated as unhealthy: a check that stops running is itself a failure.
 */
public class DrHealthCheck extends Construct {

    /** The custom metric namespace. */
    public static final String NAMESPACE = "OpsBaseline/Backup";
    public static final String METRIC = "DrHealthy";

    /**
     * Props of {@link DrHealthCheck}.
     *
     * @param names the naming scheme; required
     * @param alertTopics info gets the report, critical the alarm; required
     * @param vaultName the vault whose recovery points and jobs are checked; required
     * @param drVaultArn the DR vault copy jobs go to; default none (no copy check)
     * @param protectedArns resources that must have a fresh recovery point; default none (all in the vault)
     * @param healthUrls URLs that must answer below HTTP 400; default none
     * @param maxRecoveryPointAgeHours the age limit; default 26
     * @param every how often it runs; default one hour
     * @param key encrypts the log group and the environment variables; required
     * @param removalPolicy for the log group; default RETAIN
     * @param vpcId the VPC the function runs in; default none (then Control Tower's CT.LAMBDA.PR.3 fails)
     * @param subnetIds the subnets it runs in (need a route to the AWS APIs and the URLs); required with vpcId
     * @param reserveConcurrency reserve one concurrent run; default true (false where the account's
     *     concurrency quota is 100 or less, which allows no reservation)
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, String vaultName, String drVaultArn,
                        List<String> protectedArns, List<String> healthUrls, Integer maxRecoveryPointAgeHours,
                        Duration every, IKey key, RemovalPolicy removalPolicy, String vpcId, List<String> subnetIds,
                        Boolean reserveConcurrency) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            Objects.requireNonNull(vaultName, "vaultName");
            protectedArns = protectedArns == null ? List.of() : List.copyOf(protectedArns);
            healthUrls = healthUrls == null ? List.of() : List.copyOf(healthUrls);
            maxRecoveryPointAgeHours = maxRecoveryPointAgeHours == null ? Integer.valueOf(26) : maxRecoveryPointAgeHours;
            every = every == null ? Duration.hours(1) : every;
            Objects.requireNonNull(key, "key");
            removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
            subnetIds = subnetIds == null ? List.of() : List.copyOf(subnetIds);
            reserveConcurrency = reserveConcurrency == null ? Boolean.TRUE : reserveConcurrency;
            if (vpcId != null && subnetIds.isEmpty()) {
                throw new IllegalArgumentException("DrHealthCheck: a vpcId needs at least one subnet id");
            }
        }
    }

    private final Function function;
    private final Alarm alarm;

    public DrHealthCheck(Construct scope, String id, Props props) {
        super(scope, id);
        Stack stack = Stack.of(this);
        String functionName = props.names().name("dr-health-check");
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(RetentionDays.ONE_YEAR)
                .encryptionKey(props.key())
                .removalPolicy(props.removalPolicy())
                .build();
        Role role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Reads AWS Backup state, publishes the DR health report and metric")
                .build();
        // Every permission in one customer-managed policy (no inline policies), written out here:
        // the function gets the role without policy updates, so no grant can widen it silently.
        ManagedPolicy policy = ManagedPolicy.Builder.create(this, "Policy")
                .description("Least privilege of the DR health check")
                .roles(List.of(role))
                .build();
        String vaultArn = stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
                .service("backup").resource("backup-vault").resourceName(props.vaultName())
                .arnFormat(software.amazon.awscdk.ArnFormat.COLON_RESOURCE_NAME).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("backup:ListRecoveryPointsByBackupVault"))
                .resources(List.of(vaultArn)).build());
        // These list actions have no resource-level permissions in IAM.
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("backup:ListBackupJobs", "backup:ListCopyJobs"))
                .resources(List.of("*")).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("cloudwatch:PutMetricData"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", NAMESPACE))).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
                .resources(List.of(logs.getLogGroupArn() + ":*")).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .resources(List.of(props.alertTopics().info().getTopicArn())).build());
        // Failed asynchronous invocations go to the critical topic (the dead-letter target).
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("sns:Publish"))
                .resources(List.of(props.alertTopics().critical().getTopicArn())).build());
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey"))
                .resources(List.of(props.key().getKeyArn())).build());
        // The alert topics are encrypted with a key of the monitoring stack: use it through SNS only.
        policy.addStatements(PolicyStatement.Builder.create()
                .actions(List.of("kms:GenerateDataKey*", "kms:Decrypt"))
                .resources(List.of("arn:" + stack.getPartition() + ":kms:" + stack.getRegion() + ":"
                        + stack.getAccount() + ":key/*"))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "sns." + stack.getRegion() + ".amazonaws.com")))
                .build());
        Nag.suppress(policy, "AwsSolutions-IAM5", "backup:ListBackupJobs and backup:ListCopyJobs have no resource-level "
                + "permissions; PutMetricData is limited to the " + NAMESPACE + " namespace; the log stream ARN "
                + "ends in :*; the alert-topic key is only usable through SNS; the EC2 network-interface actions "
                + "Lambda needs in a VPC are on '*', as in AWS's own AWSLambdaVPCAccessExecutionRole.");

        Map<String, String> env = new LinkedHashMap<>();
        env.put("VAULT_NAME", props.vaultName());
        env.put("DR_VAULT_ARN", props.drVaultArn() == null ? "" : props.drVaultArn());
        env.put("PROTECTED_ARNS", json(props.protectedArns()));
        env.put("HEALTH_URLS", json(props.healthUrls()));
        env.put("MAX_RECOVERY_POINT_AGE_HOURS", String.valueOf(props.maxRecoveryPointAgeHours()));
        env.put("REPORT_TOPIC_ARN", props.alertTopics().info().getTopicArn());
        env.put("METRIC_NAMESPACE", NAMESPACE);
        env.put("ENVIRONMENT", props.names().prefix());
        function = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .description("Checks recovery point age, backup and copy jobs and health URLs; reports to SNS")
                .runtime(Runtime.PYTHON_3_14)
                .handler("index.handler")
                .code(Code.fromInline(source()))
                .timeout(Duration.minutes(2))
                .memorySize(256)
                .role(role.withoutPolicyUpdates())
                .logGroup(logs)
                .reservedConcurrentExecutions(props.reserveConcurrency() ? 1 : null)
                .retryAttempts(0)
                .deadLetterTopic(props.alertTopics().critical())
                .environment(env)
                .environmentEncryption(props.key())
                .build();
        if (props.vpcId() != null) {
            // Egress only, HTTPS only: 443 for the AWS APIs and the health URLs, and each other port a
            // health URL names (https://host:8443/...), or its check would time out on every run.
            List<Object> egress = new ArrayList<>();
            for (int port : httpsPorts(props.healthUrls())) {
                egress.add(CfnSecurityGroup.EgressProperty.builder()
                        .ipProtocol("tcp").fromPort(port).toPort(port).cidrIp("0.0.0.0/0")
                        .description(port == 443 ? "HTTPS to AWS APIs and health URLs" : "HTTPS to health URLs on port " + port)
                        .build());
            }
            CfnSecurityGroup group = CfnSecurityGroup.Builder.create(this, "SecurityGroup")
                    .groupDescription("DR health check: HTTPS out to AWS APIs and health URLs, nothing in")
                    .vpcId(props.vpcId())
                    .securityGroupEgress(egress)
                    .build();
            CfnFunction cfn = (CfnFunction) function.getNode().getDefaultChild();
            cfn.setVpcConfig(CfnFunction.VpcConfigProperty.builder()
                    .subnetIds(props.subnetIds())
                    .securityGroupIds(List.of(group.getAttrGroupId())).build());
            // Lambda creates and deletes its network interfaces in the VPC with the function's role;
            // on '*' as AWS's AWSLambdaVPCAccessExecutionRole grants them.
            policy.addStatements(PolicyStatement.Builder.create()
                    .actions(List.of("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                            "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"))
                    .resources(List.of("*")).build());
        }

        if (!props.reserveConcurrency()) {
            String why = "The account's Lambda concurrency quota is still low (the environment says reserveConcurrency:"
                    + " false), and Lambda refuses any reservation that would leave less than 100 unreserved;"
                    + " the check runs once per schedule with no retries and needs no more than the shared pool gives it.";
            Nag.suppress(function, "HIPAA.Security-LambdaConcurrency", why);
            Nag.suppress(function, "NIST.800.53.R5-LambdaConcurrency", why);
        }

        // Lambda checks the network-interface and dead-letter permissions when it creates the function:
        // the policy holding them must exist first (the role alone is not enough).
        function.getNode().addDependency(policy);

        Rule.Builder.create(this, "Schedule")
                .ruleName(props.names().name("dr-health-check"))
                .description("Runs the DR health check")
                .schedule(Schedule.rate(props.every()))
                .targets(List.of(LambdaFunction.Builder.create(function).retryAttempts(0).build()))
                .build();

        alarm = Alarm.Builder.create(this, "Unhealthy")
                .alarmName(props.names().alarmName("dr-health", "unhealthy", Severity.CRITICAL))
                .alarmDescription("The DR health check of " + props.names().prefix() + " failed or did not run. "
                        + "Read its latest report on the info topic (or the function's logs): a stale recovery point, "
                        + "a failed backup or copy job, or a health URL that does not answer.")
                .metric(Metric.Builder.create().namespace(NAMESPACE).metricName(METRIC)
                        .dimensionsMap(Map.of("Environment", props.names().prefix()))
                        .statistic("Minimum").period(alarmPeriod(props.every())).build())
                .threshold(1)
                .comparisonOperator(ComparisonOperator.LESS_THAN_THRESHOLD)
                .evaluationPeriods(1)
                // "did not run" is INSUFFICIENT_DATA, which pages below; not BREACHING, which would page
                // at the first deploy (no report yet) and whenever one run lands just past a period's end
                .treatMissingData(TreatMissingData.MISSING)
                .build();
        alarm.addAlarmAction(new SnsAction(props.alertTopics().critical()));
        alarm.addOkAction(new SnsAction(props.alertTopics().critical()));
        alarm.addInsufficientDataAction(new SnsAction(props.alertTopics().critical()));
    }

    /**
     * Two run intervals, so one late run does not leave a period empty; at most a day, CloudWatch's
     * limit on a period times its evaluation periods. A failed run still alarms at once: it is the
     * period's minimum.
     */
    static Duration alarmPeriod(Duration every) {
        return Duration.seconds(Math.min(2 * every.toSeconds().longValue(), 86_400));
    }

    /** The function's Python source, kept as a resource so it can be read and tested as Python. */
    public static String source() {
        try (InputStream in = DrHealthCheck.class.getResourceAsStream("dr_health_check.py")) {
            return new String(Objects.requireNonNull(in, "dr_health_check.py").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String json(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "[", "]"));
    }

    public Function function() {
        return function;
    }

    public Alarm alarm() {
        return alarm;
    }

    /** 443 and every other port the health URLs name, ascending. */
    static SortedSet<Integer> httpsPorts(List<String> urls) {
        SortedSet<Integer> ports = new TreeSet<>(List.of(443));
        for (String url : urls) {
            int port = URI.create(url).getPort();
            if (port > 0) {
                ports.add(port);
            }
        }
        return ports;
    }
}
