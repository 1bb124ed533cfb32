package io.github.opsbaseline.monitoring.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.monitoring.MonitoringFixtures;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceLogsTest {

    private Template template;
    private ServiceLogs existing;

    @BeforeAll
    void synth() {
        // GIVEN one service whose group the construct creates, one whose group exists
        Stack stack = MonitoringFixtures.stack();
        AlarmOptions options = MonitoringFixtures.options(stack);
        new ServiceLogs(stack, "Api", ServiceLogsProps.create(options, "api", "/ecs/shop-api", 365, null,
                RemovalPolicy.RETAIN));
        existing = new ServiceLogs(stack, "Worker", new ServiceLogsProps(options, "worker", "/ecs/shop-worker", false,
                null, null, null, null, 2.0, null));
        template = Template.fromStack(stack);
    }

    @Test
    void aCreatedGroupIsEncryptedRetainedAndKeptForItsRetention() {
        template.hasResource("AWS::Logs::LogGroup", Map.of(
                "Properties", Map.of("LogGroupName", "/ecs/shop-api", "RetentionInDays", 365,
                        "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("ApiKey.*"), "Arn"))),
                "DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        template.resourceCountIs("AWS::Logs::LogGroup", 1);
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true,
                "KeyPolicy", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudWatchLogs", "Principal", Map.of("Service", "logs.eu-west-1.amazonaws.com"),
                        "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:eu-west-1:123456789012:log-group:*"))))))))))));
    }

    @Test
    void fiveMetricFiltersOverTheStructuredJsonLog() {
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of(
                "FilterName", "shop-test-api-log-errors",
                "LogGroupName", Map.of("Ref", Match.stringLikeRegexp("ApiLogGroup.*")),
                "FilterPattern", "{ ($.level = \"ERROR\") || ($.level = \"CRITICAL\") }",
                "MetricTransformations", List.of(Map.of("MetricNamespace", "OpsBaseline/shop-test",
                        "MetricName", "api-log-errors", "MetricValue", "1", "Unit", "Count"))));
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterName", "shop-test-api-slow-requests",
                "FilterPattern", "{ $.performance.response_time > 1 }"));
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterName", "shop-test-worker-slow-requests",
                "LogGroupName", "/ecs/shop-worker", "FilterPattern", "{ $.performance.response_time > 2 }"));
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterName", "shop-test-api-payment-errors",
                "FilterPattern", Match.stringLikeRegexp(".*\\$\\.logger = \"\\*sumup\\*\".*")));
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterName", "shop-test-api-auth-failures",
                "FilterPattern", Match.stringLikeRegexp(".*\\$\\.message = \"\\*uthenticat\\*\".*")));
        template.hasResourceProperties("AWS::Logs::MetricFilter", Map.of("FilterName", "shop-test-api-database-errors",
                "FilterPattern", Match.stringLikeRegexp(".*\\$\\.logger = \"\\*database\\*\".*")));
        template.resourceCountIs("AWS::Logs::MetricFilter", 10);
    }

    @Test
    void eachFilterHasAWarningAndCriticalAlarmOnItsMetric() {
        Map<String, Object> payment = new HashMap<>(Map.of("AlarmName", "shop-test-api-payment-errors-warning",
                "Namespace", "OpsBaseline/shop-test", "MetricName", "api-payment-errors", "Statistic", "Sum",
                "Threshold", 0, "Period", 300, "EvaluationPeriods", 1, "ComparisonOperator", "GreaterThanThreshold",
                "TreatMissingData", "notBreaching", "Dimensions", Match.absent()));
        payment.putAll(MonitoringFixtures.actionsTo("Warning"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", payment);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-log-errors-critical",
                "Threshold", 50, "AlarmActions", List.of(MonitoringFixtures.topicRef("Critical"))));
        assertThat(existing.alarms()).hasSize(10);
        assertThat(existing.logGroupName()).isEqualTo("/ecs/shop-worker");
    }
}
