package io.github.opsbaseline.monitoring.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import software.amazon.awscdk.services.elasticache.CfnReplicationGroup;

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
    void nodesAreCountedFromTheGroupOrRefusedWhenTheGroupIsSizedByShards() {
        Stack stack = MonitoringFixtures.stack();
        var options = MonitoringFixtures.options(stack);
        CfnReplicationGroup counted = CfnReplicationGroup.Builder.create(stack, "Counted").replicationGroupDescription("x")
                .cacheNodeType("cache.t4g.micro").engine("redis").numCacheClusters(3).build();
        assertThat(CacheAlarmsProps.forReplicationGroup(options, "cache-a", counted).nodes()).isEqualTo(3);
        CfnReplicationGroup sharded = CfnReplicationGroup.Builder.create(stack, "Sharded").replicationGroupDescription("x")
                .cacheNodeType("cache.t4g.micro").engine("redis").numNodeGroups(1).replicasPerNodeGroup(2).build();
        assertThatThrownBy(() -> CacheAlarmsProps.forReplicationGroup(options, "cache-b", sharded))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Sharded is sized by node groups");
        assertThatThrownBy(() -> new CacheAlarmsProps(options, "cache-c", "g", 7))
                .hasMessage("nodes must be 1 to 6 (a primary and at most 5 replicas), got 7");
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
