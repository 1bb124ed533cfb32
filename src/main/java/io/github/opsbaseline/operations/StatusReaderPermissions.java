package io.github.opsbaseline.operations;

import java.util.List;

/**
 * The one list of AWS API actions the {@code status} command calls, each with the resource it can
 * be scoped to. {@link OperatorReadOnlyPolicy} grants exactly these; the CLI labels every call with
 * one of these constants; a test fails when the CLI calls an action that is not here. No SDK
 * classes, so the library can build the policy without the SDK.
 */
public final class StatusReaderPermissions {

    /** What an action's {@code Resource} can be narrowed to. */
    public enum Scope {
        /** No resource-level permissions (or AWS requires {@code *}): the statement has {@code Resource: *}. */
        ANY("*"),
        /** The workload's ECS services. */
        ECS_SERVICE("arn:aws:ecs:<region>:<account>:service/<cluster>/<service>"),
        /** The workload's RDS instances. */
        DB_INSTANCE("arn:aws:rds:<region>:<account>:db:<instanceId>"),
        /** The workload's Aurora clusters. */
        DB_CLUSTER("arn:aws:rds:<region>:<account>:cluster:<clusterId>"),
        /** The workload's ElastiCache replication groups. */
        REPLICATION_GROUP("arn:aws:elasticache:<region>:<account>:replicationgroup:<replicationGroupId>"),
        /** The services' log groups (Logs Insights reads only these). */
        LOG_GROUP("arn:aws:logs:<region>:<account>:log-group:<logGroup> and <logGroup>:*"),
        /** The baseline's backup vaults (home and DR region). */
        BACKUP_VAULT("arn:aws:backup:<region or drRegion>:<account>:backup-vault:<vault>");

        private final String pattern;

        Scope(String pattern) {
            this.pattern = pattern;
        }

        /** The resource ARNs the statement names, as a pattern for documentation. */
        public String pattern() {
            return pattern;
        }
    }

    /**
     * One action the CLI calls.
     *
     * @param action the IAM action, {@code <service prefix>:<Action>}
     * @param scope what its resource can be narrowed to
     * @param usedFor the status line it feeds
     */
    public record Permission(String action, Scope scope, String usedFor) { }

    public static final String CLOUDWATCH_DESCRIBE_ALARMS = "cloudwatch:DescribeAlarms";
    public static final String CLOUDWATCH_GET_METRIC_DATA = "cloudwatch:GetMetricData";
    public static final String ECS_DESCRIBE_SERVICES = "ecs:DescribeServices";
    public static final String ELB_DESCRIBE_TARGET_HEALTH = "elasticloadbalancing:DescribeTargetHealth";
    public static final String RDS_DESCRIBE_DB_INSTANCES = "rds:DescribeDBInstances";
    public static final String RDS_DESCRIBE_DB_CLUSTERS = "rds:DescribeDBClusters";
    public static final String ELASTICACHE_DESCRIBE_REPLICATION_GROUPS = "elasticache:DescribeReplicationGroups";
    public static final String GUARDDUTY_LIST_DETECTORS = "guardduty:ListDetectors";
    public static final String GUARDDUTY_GET_FINDINGS_STATISTICS = "guardduty:GetFindingsStatistics";
    public static final String CONFIG_DESCRIBE_COMPLIANCE_BY_CONFIG_RULE = "config:DescribeComplianceByConfigRule";
    public static final String BACKUP_LIST_BACKUP_JOBS = "backup:ListBackupJobs";
    public static final String BACKUP_LIST_COPY_JOBS = "backup:ListCopyJobs";
    public static final String BACKUP_LIST_RECOVERY_POINTS = "backup:ListRecoveryPointsByBackupVault";
    public static final String LOGS_DESCRIBE_QUERY_DEFINITIONS = "logs:DescribeQueryDefinitions";
    public static final String LOGS_START_QUERY = "logs:StartQuery";
    public static final String LOGS_GET_QUERY_RESULTS = "logs:GetQueryResults";
    public static final String LOGS_STOP_QUERY = "logs:StopQuery";
    public static final String CE_GET_COST_AND_USAGE = "ce:GetCostAndUsage";
    public static final String CE_GET_COST_FORECAST = "ce:GetCostForecast";

    private static final List<Permission> ALL = List.of(
            // AWS: composite alarms are only returned when DescribeAlarms is granted on "*".
            new Permission(CLOUDWATCH_DESCRIBE_ALARMS, Scope.ANY, "alarms in ALARM"),
            new Permission(CLOUDWATCH_GET_METRIC_DATA, Scope.ANY, "database, cache and WAF metrics"),
            new Permission(ECS_DESCRIBE_SERVICES, Scope.ECS_SERVICE, "task counts and deployment state"),
            new Permission(ELB_DESCRIBE_TARGET_HEALTH, Scope.ANY, "healthy and unhealthy targets"),
            new Permission(RDS_DESCRIBE_DB_INSTANCES, Scope.DB_INSTANCE, "database instance status"),
            new Permission(RDS_DESCRIBE_DB_CLUSTERS, Scope.DB_CLUSTER, "database cluster status"),
            new Permission(ELASTICACHE_DESCRIBE_REPLICATION_GROUPS, Scope.REPLICATION_GROUP, "cache status and nodes"),
            new Permission(GUARDDUTY_LIST_DETECTORS, Scope.ANY, "the region's GuardDuty detector"),
            // AWS's authorization reference lists no resource type for GuardDuty's findings actions
            // (an older one named detector*): "*" is what AWS requires, and works under either.
            new Permission(GUARDDUTY_GET_FINDINGS_STATISTICS, Scope.ANY, "findings by severity"),
            new Permission(CONFIG_DESCRIBE_COMPLIANCE_BY_CONFIG_RULE, Scope.ANY, "Config rules out of compliance"),
            new Permission(BACKUP_LIST_BACKUP_JOBS, Scope.ANY, "last backup job per vault"),
            new Permission(BACKUP_LIST_COPY_JOBS, Scope.ANY, "last copy job per vault"),
            new Permission(BACKUP_LIST_RECOVERY_POINTS, Scope.BACKUP_VAULT, "newest recovery point's age"),
            new Permission(LOGS_DESCRIBE_QUERY_DEFINITIONS, Scope.ANY, "the saved Logs Insights query"),
            new Permission(LOGS_START_QUERY, Scope.LOG_GROUP, "recent errors per service"),
            new Permission(LOGS_GET_QUERY_RESULTS, Scope.ANY, "recent errors per service"),
            new Permission(LOGS_STOP_QUERY, Scope.ANY, "stopping a query that outlived its time budget"),
            new Permission(CE_GET_COST_AND_USAGE, Scope.ANY, "month-to-date spend"),
            new Permission(CE_GET_COST_FORECAST, Scope.ANY, "month-end forecast"));

    private StatusReaderPermissions() { }

    /** Every permission, in the order of the status screen. */
    public static List<Permission> all() {
        return ALL;
    }

    /** Every action, in the order of {@link #all()}. */
    public static List<String> actions() {
        return ALL.stream().map(Permission::action).toList();
    }

    /** The actions of one scope, in order. */
    public static List<String> actions(Scope scope) {
        return ALL.stream().filter(p -> p.scope() == scope).map(Permission::action).toList();
    }
}
