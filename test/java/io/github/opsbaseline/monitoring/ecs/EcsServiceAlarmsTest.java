package io.github.opsbaseline.monitoring.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.monitoring.MonitoringFixtures;
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
class EcsServiceAlarmsTest {

    private Template template;
    private EcsServiceAlarms alarms;

    @BeforeAll
    void synth() {
        // GIVEN a service by cluster and service name
        Stack stack = MonitoringFixtures.stack();
        // WHEN its alarms are added
        alarms = new EcsServiceAlarms(stack, "Api", new EcsServiceAlarmsProps(MonitoringFixtures.options(stack),
                "api", "shop-cluster", "shop-api"));
        template = Template.fromStack(stack);
    }

    private static List<Object> dims() {
        return List.of(Map.of("Name", "ClusterName", "Value", "shop-cluster"),
                Map.of("Name", "ServiceName", "Value", "shop-api"));
    }

    @Test
    void cpuAndMemoryAlarmAtTheSeedThresholdsOnAwsEcs() {
        for (String[] s : new String[][] {{"cpu", "CPUUtilization"}, {"memory", "MemoryUtilization"}}) {
            Map<String, Object> critical = new HashMap<>(Map.of("AlarmName", "shop-test-api-" + s[0] + "-critical",
                    "Namespace", "AWS/ECS", "MetricName", s[1], "Statistic", "Average", "Dimensions", dims(),
                    "Threshold", 90, "Period", 300, "ComparisonOperator", "GreaterThanThreshold"));
            critical.putAll(MonitoringFixtures.actionsTo("Critical"));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", critical);
            Map<String, Object> warning = new HashMap<>(Map.of("AlarmName", "shop-test-api-" + s[0] + "-warning",
                    "Threshold", 80));
            warning.putAll(MonitoringFixtures.actionsTo("Warning"));
            template.hasResourceProperties("AWS::CloudWatch::Alarm", warning);
        }
    }

    @Test
    void runningBelowDesiredIsMetricMathOverContainerInsights() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "shop-test-api-running-tasks-warning", "Threshold", 0, "Period", Match.absent(),
                "ComparisonOperator", "GreaterThanThreshold", "TreatMissingData", "missing",
                "EvaluationPeriods", 5,
                "Metrics", List.of(
                        Match.objectLike(Map.of("Expression", "IF(desired > 0, 100 * (desired - running) / desired, 0)")),
                        Match.objectLike(Map.of("Id", "running", "MetricStat", Match.objectLike(Map.of("Period", 60,
                                "Metric", Map.of("Namespace", "ECS/ContainerInsights", "MetricName", "RunningTaskCount",
                                        "Dimensions", dims()))))),
                        Match.objectLike(Map.of("Id", "desired", "MetricStat", Match.objectLike(Map.of(
                                "Metric", Match.objectLike(Map.of("MetricName", "DesiredTaskCount")))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "shop-test-api-running-tasks-critical", "Threshold", 49));
    }

    @Test
    void sixAlarmsTwoPerSignal() {
        assertThat(alarms.alarms()).extracting(BaselineAlarm::signal)
                .containsExactly("cpu", "cpu", "memory", "memory", "running-tasks", "running-tasks");
        template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    }
}
