package io.github.opsbaseline.monitoring.alarm;

import static io.github.opsbaseline.monitoring.alarm.MetricSpec.math;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import io.github.opsbaseline.monitoring.MonitoringFixtures;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlarmFactoryTest {

    private Template template;
    private List<BaselineAlarm> alarms;

    @BeforeAll
    void synth() {
        // GIVEN a factory and one definition of each metric shape, one of them overridden
        Stack stack = MonitoringFixtures.stack();
        AlarmOptions options = MonitoringFixtures.options(stack).withOverrides(Map.of(
                "latency", new AlarmOverride(null, 5.0, null), "off", new AlarmOverride(null, null, false)));
        AlarmFactory factory = new AlarmFactory(stack, options);
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("Name", "api");
        // WHEN alarms are created
        alarms = factory.create("api", dims, List.of(
                signal("cpu", "CPU", metric("NS", "CPU", "Average")).above(80.0, 90.0, "%")
                        .means("Busy.", "Check the tasks."),
                signal("latency", "Latency", metric("NS", "Latency", "p99")).every(60, 5, 3).above(1.0, 3.0, "s")
                        .missing(MissingData.BREACHING),
                signal("ratio", "Ratio", math("100 * a / b", "a", metric("NS", "A", "Sum"), "b", metric("NS", "B", "Sum")))
                        .below(50.0, null, "%"),
                signal("band", "Requests", new MetricSpec.Band(metric("NS", "Requests", "Sum")))
                        .levels(Direction.OUTSIDE, 2.0, null, ""),
                signal("off", "Disabled", metric("NS", "X", "Sum")).above(1.0, 2.0, "")));
        List<BaselineAlarm> composite = List.of(alarms.get(0), alarms.get(1));
        alarms = new java.util.ArrayList<>(alarms);
        alarms.add(factory.composite("api", "down", Severity.CRITICAL, AlarmFactory.allOrAny(composite, "AND"),
                composite, "Down.", "Everything."));
        template = Template.fromStack(stack);
    }

    @Test
    void levelsGivenInCodeAreHeldToTheFilesRules() {
        // GIVEN overrides a user passes in code: a warning past the critical one, then a negative level
        Stack stack = MonitoringFixtures.stack();
        List<SignalDefinition> cpu = List.of(signal("cpu", "CPU", metric("NS", "CPU", "Average")).above(80.0, 90.0, "%"));
        List<SignalDefinition> free = List.of(signal("free", "Free", metric("NS", "Free", "Minimum")).below(20.0, 10.0, "%"));
        AlarmOptions base = MonitoringFixtures.options(stack);

        // THEN each is refused with the resource, the signal and the levels, above and below alike
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlarmFactory(stack, base.withOverrides(Map.of(
                        "cpu", new AlarmOverride(95.0, null, null)))).create("api", Map.of(), cpu))
                .hasMessage("api cpu: warning threshold must be below the critical one, found warning 95 and critical 90");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlarmFactory(stack, base.withOverrides(Map.of(
                        "free", new AlarmOverride(5.0, null, null)))).create("db", Map.of(), free))
                .hasMessage("db free: warning threshold must be above the critical one, found warning 5 and critical 10");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new AlarmFactory(stack, base.withOverrides(Map.of(
                        "cpu", new AlarmOverride(-1.0, null, null)))).create("api", Map.of(), cpu))
                .hasMessage("api cpu: expected levels of at least 0, found -1");
        // and levels in order pass
        assertThat(new AlarmFactory(stack, base.withOverrides(Map.of("cpu", new AlarmOverride(70.0, null, null))))
                .create("api", Map.of(), cpu)).hasSize(2);
    }

    @Test
    void namesEveryAlarmResourceSignalSeverityAndSkipsDisabledSignals() {
        assertThat(alarms).extracting(BaselineAlarm::name).containsExactly(
                "shop-test-api-cpu-warning", "shop-test-api-cpu-critical",
                "shop-test-api-latency-warning", "shop-test-api-latency-critical",
                "shop-test-api-ratio-warning", "shop-test-api-band-warning", "shop-test-api-down-critical");
        template.resourceCountIs("AWS::CloudWatch::Alarm", 6);
    }

    @Test
    void aSingleMetricAlarmHasItsMetricStatisticPeriodThresholdComparisonAndActions() {
        Map<String, Object> expected = new LinkedHashMap<>(Map.of(
                "AlarmName", "shop-test-api-cpu-critical", "Namespace", "NS", "MetricName", "CPU",
                "Dimensions", List.of(Map.of("Name", "Name", "Value", "api")), "Statistic", "Average",
                "Period", 300, "EvaluationPeriods", 2, "DatapointsToAlarm", 2, "Threshold", 90,
                "ComparisonOperator", "GreaterThanThreshold"));
        expected.put("TreatMissingData", "notBreaching");
        expected.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", expected);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-cpu-warning",
                "Threshold", 80, "AlarmActions", List.of(MonitoringFixtures.topicRef("Warning")),
                "OKActions", List.of(MonitoringFixtures.topicRef("Warning"))));
    }

    @Test
    void percentilesUseExtendedStatisticAndOverridesReplaceOnlyTheGivenLevel() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-latency-critical",
                "ExtendedStatistic", "p99", "Threshold", 5, "Period", 60, "EvaluationPeriods", 5,
                "DatapointsToAlarm", 3, "TreatMissingData", "breaching"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-latency-warning",
                "Threshold", 1));
    }

    @Test
    void aMathAlarmReturnsOnlyTheExpressionAndAppliesTheDimensionsToEveryInput() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-ratio-warning",
                "ComparisonOperator", "LessThanThreshold", "Threshold", 50,
                "Metrics", List.of(
                        Map.of("Id", "signal", "Expression", "100 * a / b", "ReturnData", true),
                        Match.objectLike(Map.of("Id", "a", "ReturnData", false, "MetricStat", Map.of(
                                "Metric", Map.of("Namespace", "NS", "MetricName", "A",
                                        "Dimensions", List.of(Map.of("Name", "Name", "Value", "api"))),
                                "Period", 300, "Stat", "Sum"))),
                        Match.objectLike(Map.of("Id", "b")))));
    }

    @Test
    void anAnomalyAlarmComparesWithTheBandOfTheConfiguredWidth() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-api-band-warning",
                "ThresholdMetricId", "band", "ComparisonOperator", "LessThanLowerOrGreaterThanUpperThreshold",
                "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "band",
                        "Expression", "ANOMALY_DETECTION_BAND(m, 2)"))))));
        assertThat(alarms.get(5).kind()).isEqualTo(BaselineAlarm.Kind.ANOMALY);
    }

    @Test
    void aCompositeAlarmCombinesTheChildrenByNameAndDependsOnThem() {
        template.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmName", "shop-test-api-down-critical",
                "AlarmRule", "ALARM(\"shop-test-api-cpu-warning\") AND ALARM(\"shop-test-api-cpu-critical\")",
                "AlarmActions", List.of(MonitoringFixtures.topicRef("Critical")),
                "OKActions", List.of(MonitoringFixtures.topicRef("Critical"))));
        template.hasResource("AWS::CloudWatch::CompositeAlarm", Map.of("DependsOn", Match.arrayWith(
                List.of(Match.stringLikeRegexp("cpuwarning.*")))));
    }

    @Test
    void descriptionsSayWhatItMeansAndWhatToCheckWithinTheLimit() {
        SignalDefinition def = signal("cpu", "CPU", metric("NS", "CPU", "Average")).above(80.0, 90.0, "%")
                .means("Busy.", "x".repeat(2000));
        String text = AlarmFactory.description("api", def, Severity.CRITICAL, 90);
        assertThat(text).startsWith("CRITICAL api: CPU above 90% in 2 of 2 periods of 300 s. Means: Busy. Check first: ")
                .hasSize(AlarmFactory.MAX_DESCRIPTION);
    }
}
