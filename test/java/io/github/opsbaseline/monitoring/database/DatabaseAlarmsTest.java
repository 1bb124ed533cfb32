package io.github.opsbaseline.monitoring.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.WorkloadConfig.DatabaseEngine;
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
import software.amazon.awscdk.services.rds.DatabaseCluster;
import software.amazon.awscdk.services.rds.DatabaseClusterAttributes;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceAttributes;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAlarmsTest {

    private Template template;
    private DatabaseAlarms replica;
    private DatabaseAlarms aurora;
    private DatabaseAlarms auroraWithReplicas;
    private DatabaseAlarms mysqlReplica;

    @BeforeAll
    void synth() {
        // GIVEN a PostgreSQL replica with known memory, connections and storage, and a bare Aurora MySQL cluster
        Stack stack = MonitoringFixtures.stack();
        io.github.opsbaseline.monitoring.alarm.AlarmOptions options = MonitoringFixtures.options(stack);
        replica = new DatabaseAlarms(stack, "Replica", new DatabaseAlarmsProps(options,
                "db-replica", "shop-db-replica", new DatabaseSignals.Facts(DatabaseEngine.POSTGRES, false, 16.0, 1700, 200, true), null));
        aurora = new DatabaseAlarms(stack, "Aurora", new DatabaseAlarmsProps(options,
                "db-aurora", "shop-aurora", new DatabaseSignals.Facts(DatabaseEngine.AURORA_MYSQL, true, null, null, null, false), null));
        // AND, through the props' factories, an Aurora PostgreSQL cluster with replicas and an
        // instance whose storage size is not given
        auroraWithReplicas = new DatabaseAlarms(stack, "AuroraPg", DatabaseAlarmsProps.forCluster(options, "db-orders",
                DatabaseCluster.fromDatabaseClusterAttributes(stack, "Orders", DatabaseClusterAttributes.builder()
                        .clusterIdentifier("shop-orders").build()), DatabaseEngine.AURORA_POSTGRESQL, null, null, true));
        new DatabaseAlarms(stack, "Reports", DatabaseAlarmsProps.forInstance(options, "db-reports",
                DatabaseInstance.fromDatabaseInstanceAttributes(stack, "ReportsDb", DatabaseInstanceAttributes.builder()
                        .instanceIdentifier("shop-reports").instanceEndpointAddress("reports.example.internal").port(5432)
                        .securityGroups(List.of()).build()), DatabaseEngine.POSTGRES, null, null, null, false));
        // AND a MySQL replica
        mysqlReplica = new DatabaseAlarms(stack, "MysqlReplica", new DatabaseAlarmsProps(options,
                "db-mysql", "shop-mysql-replica", new DatabaseSignals.Facts(DatabaseEngine.MYSQL, false, null, null, null, true), null));
        template = Template.fromStack(stack);
    }

    private static List<Object> instance() {
        return List.of(Map.of("Name", "DBInstanceIdentifier", "Value", "shop-db-replica"));
    }

    @Test
    void cpuAtSeventyFivePercent() {
        Map<String, Object> cpu = new HashMap<>(Map.of("AlarmName", "shop-test-db-replica-cpu-warning", "Namespace", "AWS/RDS",
                "MetricName", "CPUUtilization", "Statistic", "Average", "Dimensions", instance(), "Threshold", 75,
                "Period", 300, "ComparisonOperator", "GreaterThanThreshold"));
        cpu.putAll(MonitoringFixtures.actionsTo("Warning"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", cpu);
    }

    @Test
    void memoryUsedAndConnectionsArePercentagesByMetricMath() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-memory-warning",
                "Threshold", 85, "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", "100 * (1 - free / 17179869184)")),
                        Match.objectLike(Map.of("Id", "free", "MetricStat", Match.objectLike(Map.of("Metric", Map.of(
                                "Namespace", "AWS/RDS", "MetricName", "FreeableMemory", "Dimensions", instance())))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-connections-critical",
                "Threshold", 90, "Metrics", Match.arrayWith(List.of(Match.objectLike(Map.of("Expression", "100 * conn / 1700"))))));
    }

    @Test
    void freeStorageLatencyReplicaLagAndTransactionIds() {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-free-storage-critical",
                "Threshold", 10, "ComparisonOperator", "LessThanThreshold"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-read-latency-warning",
                "MetricName", "ReadLatency", "ExtendedStatistic", "p90", "Threshold", 0.02));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-write-latency-critical",
                "MetricName", "WriteLatency", "ExtendedStatistic", "p90", "Threshold", 0.1));
        // a PostgreSQL replica of an idle primary reports lag climbing to 300 s every 5 minutes: the
        // period's lowest value, not its highest, says whether it is behind
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-replica-lag-critical",
                "MetricName", "ReplicaLag", "Statistic", "Minimum", "Threshold", 300));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-replica-lag-warning",
                "MetricName", "ReplicaLag", "Statistic", "Minimum", "Threshold", 120));
        // MySQL reports seconds behind the source, with no such climb: the highest value, from 30 s
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-mysql-replica-lag-warning",
                "MetricName", "ReplicaLag", "Statistic", "Maximum", "Threshold", 30));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-replica-transaction-ids-warning",
                "MetricName", "MaximumUsedTransactionIDs", "Threshold", 1000000000));
    }

    @Test
    void anAuroraClusterUsesTheClusterDimensionAbsoluteMemoryAndNoStorageOrPostgresAlarms() {
        // the writer's CPU: an average over writer and readers would hide a saturated writer
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-aurora-cpu-critical",
                "Dimensions", List.of(Map.of("Name", "DBClusterIdentifier", "Value", "shop-aurora"),
                        Map.of("Name", "Role", "Value", "WRITER"))));
        assertThat(aurora.alarms()).extracting(BaselineAlarm::signal).containsOnly("available", "cpu", "freeable-memory",
                "read-latency", "write-latency", "degraded");
    }

    @Test
    void degradedIsAnyCriticalPerformanceAlarm() {
        template.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmName", "shop-test-db-replica-degraded-critical",
                "AlarmRule", Match.stringLikeRegexp("^ALARM\\(\"shop-test-db-replica-cpu-critical\"\\) OR .*"
                        + "ALARM\\(\"shop-test-db-replica-connections-critical\"\\).*"),
                "AlarmActions", List.of(MonitoringFixtures.topicRef("Critical"))));
        assertThat(replica.alarms().get(replica.alarms().size() - 1).kind()).isEqualTo(BaselineAlarm.Kind.COMPOSITE);
    }

    /** The warning alarm of {@code signal}: metric math over one RDS metric; and its critical level. */
    private void hasMathAlarm(String signal, String comparison, int warning, int critical, String expression,
                              String id, String metricName, Map<String, Object> dimension) {
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-" + signal + "-warning",
                "Threshold", warning, "ComparisonOperator", comparison, "Metrics", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Expression", expression)),
                        Match.objectLike(Map.of("Id", id, "MetricStat", Match.objectLike(Map.of("Metric", Map.of(
                                "Namespace", "AWS/RDS", "MetricName", metricName, "Dimensions", List.of(dimension))))))))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-" + signal + "-critical",
                "Threshold", critical));
    }

    @Test
    void anAuroraClusterWithReplicasAlarmsOnTheirLagInSeconds() {
        // AuroraReplicaLagMaximum is in milliseconds; the alarm reads seconds
        hasMathAlarm("db-orders-replica-lag", "GreaterThanThreshold", 1, 10, "lag / 1000", "lag", "AuroraReplicaLagMaximum",
                Map.of("Name", "DBClusterIdentifier", "Value", "shop-orders"));
        assertThat(auroraWithReplicas.alarms()).extracting(BaselineAlarm::signal).contains("replica-lag", "transaction-ids")
                .doesNotContain("free-storage");
    }

    @Test
    void withoutItsStorageSizeAnInstanceAlarmsOnFreeGibibytes() {
        hasMathAlarm("db-reports-free-storage", "LessThanThreshold", 10, 5, "free / 1073741824", "free", "FreeStorageSpace",
                Map.of("Name", "DBInstanceIdentifier", "Value", "shop-reports"));
    }

    @Test
    void aMysqlReplicaAlarmsWhenReplicationStops() {
        // ReplicaLag reads -1 while a MySQL or MariaDB replica does not replicate, which "above" never sees
        Map<String, Object> stopped = new HashMap<>(Map.of("AlarmName", "shop-test-db-mysql-replication-stopped-critical",
                "Namespace", "AWS/RDS", "MetricName", "ReplicaLag", "Statistic", "Minimum",
                "Dimensions", List.of(Map.of("Name", "DBInstanceIdentifier", "Value", "shop-mysql-replica")),
                "Threshold", 0, "Period", 60, "EvaluationPeriods", 5, "ComparisonOperator", "LessThanThreshold",
                "TreatMissingData", "notBreaching"));
        stopped.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", stopped);
        assertThat(mysqlReplica.alarms()).extracting(BaselineAlarm::name)
                .contains("shop-test-db-mysql-replica-lag-critical")
                .doesNotContain("shop-test-db-mysql-replication-stopped-warning");
        // PostgreSQL replicas and Aurora report no -1
        assertThat(replica.alarms()).extracting(BaselineAlarm::signal).doesNotContain("replication-stopped");
        assertThat(auroraWithReplicas.alarms()).extracting(BaselineAlarm::signal).doesNotContain("replication-stopped");
    }

    @Test
    void aDatabaseThatStopsReportingPagesAsDown() {
        // a stopped or failed database publishes nothing, which every other alarm treats as not breaching
        Map<String, Object> down = new HashMap<>(Map.of("AlarmName", "shop-test-db-replica-available-critical",
                "Namespace", "AWS/RDS", "MetricName", "CPUUtilization", "Statistic", "SampleCount",
                "Dimensions", instance(), "Threshold", 1, "Period", 60, "EvaluationPeriods", 5,
                "ComparisonOperator", "LessThanThreshold", "TreatMissingData", "breaching"));
        down.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", down);
        assertThat(replica.alarms()).extracting(BaselineAlarm::name).doesNotContain("shop-test-db-replica-available-warning");
        // an Aurora cluster is down when its writer is silent (the role follows a failover)
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-db-aurora-available-critical",
                "Statistic", "SampleCount", "TreatMissingData", "breaching",
                "Dimensions", List.of(Map.of("Name", "DBClusterIdentifier", "Value", "shop-aurora"),
                        Map.of("Name", "Role", "Value", "WRITER"))));
        // being down is not "degraded": the composite keeps to performance
        template.hasResourceProperties("AWS::CloudWatch::CompositeAlarm", Map.of(
                "AlarmName", "shop-test-db-replica-degraded-critical",
                "AlarmRule", Match.not(Match.stringLikeRegexp(".*available.*"))));
    }
}
