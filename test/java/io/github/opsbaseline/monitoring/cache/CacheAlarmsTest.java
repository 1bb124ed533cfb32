package io.github.opsbaseline.monitoring.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
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
class CacheAlarmsTest {

    private Template template;
    private CacheAlarms alarms;

    @BeforeAll
    void synth() {
        Stack stack = MonitoringFixtures.stack();
        alarms = new CacheAlarms(stack, "Sessions", new CacheAlarmsProps(MonitoringFixtures.options(stack)
                .withOverrides(Map.of("hit-rate", new AlarmOverride(90.0, null, null))), "cache-sessions", "shop-redis", 2));
        template = Template.fromStack(stack);
    }

    @Test
    void eachNodeHasEngineCpuMemoryEvictionsAndConnections() {
        Map<String, Object> cpu = new HashMap<>(Map.of("AlarmName", "shop-test-cache-sessions-002-engine-cpu-critical",
                "Namespace", "AWS/ElastiCache", "MetricName", "EngineCPUUtilization", "Statistic", "Average",
                "Dimensions", List.of(Map.of("Name", "CacheClusterId", "Value", "shop-redis-002")), "Threshold", 90,
                "Period", 300, "ComparisonOperator", "GreaterThanThreshold"));
        cpu.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", cpu);
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-sessions-001-memory-warning",
                "MetricName", "DatabaseMemoryUsagePercentage", "Threshold", 80));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-sessions-001-evictions-warning",
                "MetricName", "Evictions", "Statistic", "Sum", "Threshold", 100));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-sessions-001-connections-warning",
                "MetricName", "CurrConnections", "Statistic", "Maximum"));
    }

    @Test
    void hitRateIsMathOverHitsAndMissesBelowTheOverriddenLevel() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-sessions-001-hit-rate-warning",
                "Threshold", 90, "ComparisonOperator", "LessThanThreshold", "EvaluationPeriods", 3,
                "Metrics", List.of(Match.objectLike(Map.of("Expression", "IF(hits + misses > 0, 100 * hits / (hits + misses), 100)")),
                        Match.objectLike(Map.of("Id", "hits", "MetricStat", Match.objectLike(Map.of("Metric",
                                Match.objectLike(Map.of("MetricName", "CacheHits")))))),
                        Match.objectLike(Map.of("Id", "misses", "MetricStat", Match.objectLike(Map.of("Metric",
                                Match.objectLike(Map.of("MetricName", "CacheMisses")))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-sessions-001-hit-rate-critical",
                "Threshold", 50));
    }

    @Test
    void replicationLagWhenTheGroupHasReplicas() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-cache-sessions-002-replication-lag-warning",
                "MetricName", "ReplicationLag", "Threshold", 5));
        // 2 nodes x (6 signals at two levels + available, critical only)
        assertThat(alarms.alarms()).hasSize(26).extracting(BaselineAlarm::resource)
                .containsOnly("cache-sessions-001", "cache-sessions-002");
    }

    @Test
    void aNodeThatStopsReportingPagesAsDown() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "shop-test-cache-sessions-002-available-critical",
                "Namespace", "AWS/ElastiCache", "MetricName", "EngineCPUUtilization", "Statistic", "SampleCount",
                "Dimensions", List.of(Map.of("Name", "CacheClusterId", "Value", "shop-redis-002")),
                "Threshold", 1, "Period", 60, "EvaluationPeriods", 5, "ComparisonOperator", "LessThanThreshold",
                "TreatMissingData", "breaching"));
    }
}
