package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;

import java.util.List;

/**
 * What the monitoring stack watches and when it alerts.
 *
 * @param logRetentionDays retention of the service log groups; one of CloudWatch's values; default 30
 * @param thresholds alarm thresholds; default the seeds' figures (see {@link Thresholds})
 */
public record MonitoringConfig(Integer logRetentionDays, Thresholds thresholds) {

    /** The retention periods CloudWatch Logs accepts (PutRetentionPolicy). */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
            180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    public MonitoringConfig {
        logRetentionDays = logRetentionDays == null ? 30 : logRetentionDays;
        thresholds = thresholds == null ? Thresholds.seedDefaults() : thresholds;
    }

    public static MonitoringConfig defaults() {
        return new MonitoringConfig(null, null);
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        if (!LOG_RETENTION_DAYS.contains(logRetentionDays)) {
            problems.add(field(path, "logRetentionDays"), "expected one of CloudWatch Logs' retention periods "
                    + LOG_RETENTION_DAYS + ", found " + logRetentionDays);
        }
        thresholds.validate(problems, field(path, "thresholds"));
    }

    /**
     * A warning and a critical level for one signal.
     *
     * @param warning the level at which someone should look today
     * @param critical the level at which someone is paged
     */
    public record Level(Double warning, Double critical) { }

    /**
     * Alarm thresholds; each one left out keeps the seeds' figure.
     *
     * @param cpuPercent ECS service CPU; default 80 / 90 (seed 003)
     * @param memoryPercent ECS service memory; default 80 / 90 (seed 003)
     * @param responseTimeSeconds target response time; default 1 / 3 (seed 003)
     * @param errorRatePercent 5xx share of requests; default 5 / 10 (seed 003)
     * @param databaseCpuPercent database CPU; default 75 / 90 (seed 000: 75)
     * @param databaseMemoryUsedPercent database memory used; default 85 / 95 (seed 000: 85)
     * @param databaseConnectionsPercent connections as a share of max; default 80 / 90 (seed 000: 80)
     */
    public record Thresholds(Level cpuPercent, Level memoryPercent, Level responseTimeSeconds,
                             Level errorRatePercent, Level databaseCpuPercent,
                             Level databaseMemoryUsedPercent, Level databaseConnectionsPercent) {

        public Thresholds {
            cpuPercent = merge(cpuPercent, 80, 90);
            memoryPercent = merge(memoryPercent, 80, 90);
            responseTimeSeconds = merge(responseTimeSeconds, 1, 3);
            errorRatePercent = merge(errorRatePercent, 5, 10);
            databaseCpuPercent = merge(databaseCpuPercent, 75, 90);
            databaseMemoryUsedPercent = merge(databaseMemoryUsedPercent, 85, 95);
            databaseConnectionsPercent = merge(databaseConnectionsPercent, 80, 90);
        }

        public static Thresholds seedDefaults() {
            return new Thresholds(null, null, null, null, null, null, null);
        }

        private static Level merge(Level given, double warning, double critical) {
            if (given == null) {
                return new Level(warning, critical);
            }
            return new Level(given.warning() == null ? warning : given.warning(),
                    given.critical() == null ? critical : given.critical());
        }

        void validate(ConfigProblems problems, String path) {
            percent(problems, field(path, "cpuPercent"), cpuPercent);
            percent(problems, field(path, "memoryPercent"), memoryPercent);
            percent(problems, field(path, "errorRatePercent"), errorRatePercent);
            percent(problems, field(path, "databaseCpuPercent"), databaseCpuPercent);
            percent(problems, field(path, "databaseMemoryUsedPercent"), databaseMemoryUsedPercent);
            percent(problems, field(path, "databaseConnectionsPercent"), databaseConnectionsPercent);
            String rt = field(path, "responseTimeSeconds");
            problems.inRange(field(rt, "warning"), responseTimeSeconds.warning(), 0.001, 3600);
            problems.inRange(field(rt, "critical"), responseTimeSeconds.critical(), 0.001, 3600);
            problems.warningBeforeCritical(rt, responseTimeSeconds.warning(), responseTimeSeconds.critical(), true);
        }

        private static void percent(ConfigProblems problems, String path, Level level) {
            problems.inRange(field(path, "warning"), level.warning(), 0, 100);
            problems.inRange(field(path, "critical"), level.critical(), 0, 100);
            problems.warningBeforeCritical(path, level.warning(), level.critical(), true);
        }
    }
}
