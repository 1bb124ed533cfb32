package io.github.opsbaseline.monitoring.loadbalancer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.monitoring.MonitoringFixtures;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TargetGroupAlarmsTest {

    private Template template;
    private TargetGroupAlarms alarms;

    @BeforeAll
    void synth() {
        Stack stack = MonitoringFixtures.stack();
        alarms = new TargetGroupAlarms(stack, "Api", new TargetGroupAlarmsProps(MonitoringFixtures.options(stack),
                "api", "app/shop/0123456789abcdef", "targetgroup/api/0123456789abcdef", 3.0, null));
        template = Template.fromStack(stack);
    }

    private static List<Object> dims() {
        return List.of(Map.of("Name", "LoadBalancer", "Value", "app/shop/0123456789abcdef"),
                Map.of("Name", "TargetGroup", "Value", "targetgroup/api/0123456789abcdef"));
    }

    @Test
    void latencyP99AndAverageAtOneAndThreeSeconds() {
        Map<String, Object> p99 = new HashMap<>(Map.of("AlarmName", "shop-test-api-latency-p99-critical",
                "Namespace", "AWS/ApplicationELB", "MetricName", "TargetResponseTime", "ExtendedStatistic", "p99",
                "Dimensions", dims(), "Threshold", 3, "Period", 300, "ComparisonOperator", "GreaterThanThreshold"));
        p99.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", p99);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-latency-avg-warning",
                "Statistic", "Average", "Threshold", 1));
    }

    @Test
    void fiveXxRateIsAPercentageOfRequests() {
        Map<String, Object> rate = new HashMap<>(Map.of("AlarmName", "shop-test-api-5xx-rate-warning", "Threshold", 5,
                "ComparisonOperator", "GreaterThanThreshold", "Metrics", List.of(
                        Match.objectLike(Map.of("Expression", "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)")),
                        Match.objectLike(Map.of("Id", "errors", "MetricStat", Map.of("Metric", Map.of(
                                "Namespace", "AWS/ApplicationELB", "MetricName", "HTTPCode_Target_5XX_Count",
                                "Dimensions", dims()), "Period", 300, "Stat", "Sum"))),
                        Match.objectLike(Map.of("Id", "requests", "MetricStat", Match.objectLike(Map.of(
                                "Metric", Match.objectLike(Map.of("MetricName", "RequestCount")), "Stat", "Sum")))))));
        rate.putAll(MonitoringFixtures.actionsTo("Warning"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", rate);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-5xx-rate-critical",
                "Threshold", 10));
    }

    @Test
    void anyUnhealthyTargetIsCriticalOnly() {
        Map<String, Object> unhealthy = new HashMap<>(Map.of("AlarmName", "shop-test-api-unhealthy-hosts-critical",
                "MetricName", "UnHealthyHostCount", "Statistic", "Maximum", "Threshold", 0, "Period", 60,
                "ComparisonOperator", "GreaterThanThreshold"));
        unhealthy.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", unhealthy);
        assertThat(alarms.alarms()).extracting(BaselineAlarm::name).doesNotContain("shop-test-api-unhealthy-hosts-warning");
    }

    @Test
    void anomalyBandsOnRequestsAndLatencyUseTheConfiguredWidth() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-requests-anomaly-warning",
                "ComparisonOperator", "LessThanLowerOrGreaterThanUpperThreshold", "ThresholdMetricId", "band",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "ANOMALY_DETECTION_BAND(m, 3)"))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-latency-anomaly-warning",
                "ComparisonOperator", "GreaterThanUpperThreshold"));
    }

    @Test
    void noHealthyTargetIsCriticalAndSilenceCountsAsNone() {
        Map<String, Object> none = new HashMap<>(Map.of("AlarmName", "shop-test-api-healthy-hosts-critical",
                "Namespace", "AWS/ApplicationELB", "MetricName", "HealthyHostCount", "Statistic", "Minimum",
                "Dimensions", dims(), "Threshold", 1, "Period", 60, "EvaluationPeriods", 2,
                "ComparisonOperator", "LessThanThreshold", "TreatMissingData", "breaching"));
        none.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", none);
        assertThat(alarms.alarms()).extracting(BaselineAlarm::name).doesNotContain("shop-test-api-healthy-hosts-warning");
    }

    @Test
    void serviceDownIsUnhealthyTargetsAndFiveXxCriticalOrNoHealthyTarget() {
        template.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmName", "shop-test-api-service-down-critical",
                "AlarmRule", "(ALARM(\"shop-test-api-unhealthy-hosts-critical\") AND ALARM(\"shop-test-api-5xx-rate-critical\"))"
                        + " OR ALARM(\"shop-test-api-healthy-hosts-critical\")",
                "AlarmActions", List.of(MonitoringFixtures.topicRef("Critical")),
                "OKActions", List.of(MonitoringFixtures.topicRef("Critical"))));
        Map<String, Object> composite = template.findResources("AWS::CloudWatch::CompositeAlarm").values().iterator().next();
        assertThat((List<?>) composite.get("DependsOn")).hasSize(3);
    }

    @Test
    void serviceDownWithoutTheHealthyCountIsTheAndAlone() {
        Template t = withOverride("healthy-hosts");
        t.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmRule", "ALARM(\"shop-test-api-unhealthy-hosts-critical\") AND ALARM(\"shop-test-api-5xx-rate-critical\")"));
        assertThat(t.findResources("AWS::CloudWatch::Alarm", Map.of("Properties",
                Map.of("AlarmName", "shop-test-api-healthy-hosts-critical")))).isEmpty();
    }

    @Test
    void withoutTheUnhealthyAlarmServiceDownIsNoHealthyTargetAlone() {
        Template t = withOverride("unhealthy-hosts");
        t.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmName", "shop-test-api-service-down-critical",
                "AlarmRule", "ALARM(\"shop-test-api-healthy-hosts-critical\")"));
    }

    @Test
    void theCatalogueAsksTheSameQuestionTheConstructAnswers() {
        // AlarmCatalogue decides at config time whether a composite rule may name service-down
        assertThat(LoadBalancerSignals.hasServiceDown(java.util.Set.of("unhealthy-hosts", "5xx-rate")::contains)).isTrue();
        assertThat(LoadBalancerSignals.hasServiceDown(java.util.Set.of("healthy-hosts")::contains)).isTrue();
        assertThat(LoadBalancerSignals.hasServiceDown(java.util.Set.of("unhealthy-hosts")::contains)).isFalse();
        assertThat(LoadBalancerSignals.hasServiceDown(java.util.Set.of("5xx-rate", "latency-p99")::contains)).isFalse();
    }

    @Test
    void withNeitherBranchThereIsNoServiceDown() {
        Stack stack = MonitoringFixtures.stack();
        AlarmOptions options = MonitoringFixtures.options(stack).withOverrides(Map.of(
                "5xx-rate", new AlarmOverride(null, null, false), "healthy-hosts", new AlarmOverride(null, null, false)));
        new TargetGroupAlarms(stack, "Api", new TargetGroupAlarmsProps(options,
                "api", "app/shop/0123456789abcdef", "targetgroup/api/0123456789abcdef", 3.0, null));
        Template.fromStack(stack).resourceCountIs("AWS::CloudWatch::CompositeAlarm", 0);
    }

    private static Template withOverride(String disabledSignal) {
        Stack stack = MonitoringFixtures.stack();
        AlarmOptions options = MonitoringFixtures.options(stack)
                .withOverrides(Map.of(disabledSignal, new AlarmOverride(null, null, false)));
        new TargetGroupAlarms(stack, "Api", new TargetGroupAlarmsProps(options,
                "api", "app/shop/0123456789abcdef", "targetgroup/api/0123456789abcdef", 3.0, null));
        return Template.fromStack(stack);
    }
}
