package io.github.opsbaseline.cli;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One reading of an environment: what {@code status} prints as a table or JSON. Every field is
 * always present in the JSON (null when not read or not selected); the README (Operations CLI, JSON shape) describes each one.
 * Times are ISO-8601 UTC strings, amounts are rounded (percentages to 0.1, GiB to 0.1, USD to cents).
 */
@JsonPropertyOrder({"schemaVersion", "project", "environment", "account", "region", "generatedAt", "sections",
        "exitCode", "alarms", "services", "infra", "logs", "cost", "problems"})
public record StatusReport(
        int schemaVersion,
        String project,
        String environment,
        String account,
        String region,
        String generatedAt,
        List<String> sections,
        int exitCode,
        List<Alarm> alarms,
        List<Service> services,
        Infra infra,
        Logs logs,
        Cost cost,
        List<Problem> problems) {

    /** Bumped only when a field changes meaning or disappears; new fields may appear without a bump. */
    public static final int SCHEMA_VERSION = 1;

    /** An alarm in state ALARM. {@code severity}: critical, warning, info or unknown (from the name's suffix). */
    public record Alarm(String name, String severity, String type, String since, String reason) { }

    /** An ECS service: task counts, its primary deployment's rollout state, its target group's health. */
    public record Service(String name, String cluster, String serviceName, String status, Integer desired,
                          Integer running, Integer pending, String deployment, String deploymentReason,
                          Targets targets) { }

    /** Target counts by health; {@code other} is initial, draining, unused or unavailable. */
    public record Targets(int healthy, int unhealthy, int other) { }

    public record Infra(List<Database> databases, List<Cache> caches, Waf waf, GuardDuty guardDuty,
                        ConfigRules configRules, List<Vault> backupVaults) { }

    /** An RDS instance or Aurora cluster with the latest 5-minute averages of its metrics. */
    public record Database(String name, String identifier, String kind, String status, Double cpuPercent,
                           Double freeableMemoryGiB, Double memoryUsedPercent, Integer connections,
                           Double connectionsPercent, Double freeStorageGiB, Double freeStoragePercent) { }

    /** An ElastiCache replication group; CPU and memory are the highest of its nodes, connections their sum. */
    public record Cache(String name, String replicationGroupId, String status, Integer nodes, Double engineCpuPercent,
                        Double memoryUsedPercent, Integer connections) { }

    /** {@code read} false when the metric could not be read, as opposed to a null count for no data. */
    public record Waf(String webAcl, Long blockedRequestsLastHour, boolean read) { }

    /** Active (unarchived) findings by severity band; {@code enabled} false when the region has no detector. */
    public record GuardDuty(boolean enabled, String detectorId, Integer critical, Integer high, Integer medium,
                            Integer low) { }

    public record ConfigRules(int nonCompliantCount, List<ConfigRule> nonCompliant) { }

    /** {@code resources}: non-compliant resources, "+" appended when AWS capped the count. */
    public record ConfigRule(String name, String resources) { }

    /**
     * A backup vault's recent activity; a null job means none in 7 days unless its field is named in
     * {@code notRead} ({@code lastBackupJob}, {@code lastCopyJob}, {@code newestRecoveryPoint}).
     */
    public record Vault(String name, String region, String role, Job lastBackupJob, Job lastCopyJob,
                        String newestRecoveryPointAt, Double newestRecoveryPointAgeHours, List<String> notRead) { }

    /** A backup or copy job of the last 7 days. */
    public record Job(String state, String createdAt, String resourceType) { }

    public record Logs(String savedQuery, int windowMinutes, int rowLimit, List<ServiceErrors> services) { }

    /** Errors of one service in the window, grouped by the saved query; {@code errors} sums the rows shown. */
    public record ServiceErrors(String service, String logGroup, Integer errors, boolean truncated, List<ErrorGroup> top) { }

    public record ErrorGroup(String module, String function, int errors) { }

    /** Spend from Cost Explorer beside the offline estimate of the baseline itself. */
    public record Cost(String currency, String scope, Double monthToDateUsd, Double forecastRemainingUsd,
                       Double forecastMonthEndUsd, Double budgetUsd, Double baselineEstimateUsd,
                       String baselineEstimateSource, String readAt) { }

    /**
     * Something that could not be read. {@code kind}: access-denied, throttled, missing-credentials,
     * invalid-credentials, not-found, timeout, unreachable or error.
     */
    public record Problem(String section, String action, String kind, String message) { }
}
