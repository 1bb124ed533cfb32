package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;

import io.github.opsbaseline.monitoring.AlarmCatalogue;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the monitoring stack watches and when it alerts.
 *
 * <p>Alarm levels are resolved per signal in this order, later wins: the catalogue's defaults (the
 * seeds' figures, see the README, Monitoring), {@code thresholds} (the seeds' named figures),
 * {@code alarms} (any signal, keyed {@code <kind>.<signal>}), then a resource's own {@code alarms}
 * in {@code $.workload} (keyed {@code <signal>}).
 *
 * @param logRetentionDays retention of the service log groups; one of CloudWatch's values; default 30
 * @param thresholds alarm thresholds; default the seeds' figures (see {@link Thresholds})
 * @param alarms overrides of any signal, keyed {@code <kind>.<signal>} with kind one of
 *     {@code service}, {@code load-balancer}, {@code database}, {@code cache}, e.g.
 *     {@code "cache.hit-rate": {"warning": 90}}; default none
 * @param anomalyBandWidth width, in standard deviations, of the anomaly bands on each service's
 *     request count and latency; 0 turns them off; default 2
 * @param createLogGroups whether the monitoring stack creates the service log groups (retention, KMS,
 *     removal policy; the services' task definitions then write into them) or only attaches metric
 *     filters to groups the workload created; default true
 * @param compositeRules composite alarms written as expressions over alarm names; default none
 * @param canaries health-URL canaries; default on, every 5 minutes
 * @param dashboard dashboard options; default at most 250 widgets per dashboard
 * @param deploymentAlerts tell the info topic when an ECS service deployment of the services' clusters
 *     completes and the warning topic when one fails (seed 000: "info alerts (deployment)"); default true
 */
public record MonitoringConfig(Integer logRetentionDays, Thresholds thresholds, Map<String, AlarmOverride> alarms,
                               Double anomalyBandWidth, Boolean createLogGroups, List<CompositeRule> compositeRules,
                               Canaries canaries, Dashboard dashboard, Boolean deploymentAlerts) {

    /** The retention periods CloudWatch Logs accepts (PutRetentionPolicy). */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
            180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    /** What is wrong with a retention CloudWatch Logs does not offer, or null for one it does. */
    public static String retentionProblem(int days) {
        return LOG_RETENTION_DAYS.contains(days) ? null
                : "expected one of CloudWatch Logs' retention periods " + LOG_RETENTION_DAYS + ", found " + days;
    }

    /** CloudWatch's limits on a composite alarm rule. */
    public static final int MAX_ALARMS_PER_RULE = 100;
    public static final int MAX_RULE_LENGTH = 10_240;

    public MonitoringConfig {
        logRetentionDays = logRetentionDays == null ? 30 : logRetentionDays;
        thresholds = thresholds == null ? Thresholds.seedDefaults() : thresholds;
        alarms = sorted(alarms);
        anomalyBandWidth = anomalyBandWidth == null ? 2.0 : anomalyBandWidth;
        createLogGroups = createLogGroups == null || createLogGroups;
        compositeRules = compositeRules == null ? List.of() : Collections.unmodifiableList(new java.util.ArrayList<>(compositeRules));
        canaries = canaries == null ? new Canaries(null, null, null) : canaries;
        dashboard = dashboard == null ? new Dashboard(null) : dashboard;
        deploymentAlerts = deploymentAlerts == null || deploymentAlerts;
    }

    /** The foundation's two-field form: retention and thresholds, everything else default. */
    public MonitoringConfig(Integer logRetentionDays, Thresholds thresholds) {
        this(logRetentionDays, thresholds, null, null, null, null, null, null, null);
    }

    public static MonitoringConfig defaults() {
        return new MonitoringConfig(null, null);
    }

    /** A TreeMap copy (deterministic order) or an empty map; null values are kept for validation. */
    public static <V> Map<String, V> sorted(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(map));
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        String retention = retentionProblem(logRetentionDays);
        if (retention != null) {
            problems.add(field(path, "logRetentionDays"), retention);
        }
        thresholds.validate(problems, field(path, "thresholds"));
        alarms.forEach((key, override) -> {
            String p = field(field(path, "alarms"), key);
            int dot = key.indexOf('.');
            String kind = dot < 0 ? key : key.substring(0, dot);
            if (dot < 0 || !AlarmCatalogue.KINDS.contains(kind)) {
                problems.add(p, "expected a key <kind>.<signal> with kind one of " + AlarmCatalogue.KINDS
                        + ", found " + ConfigProblems.quote(key));
            } else {
                AlarmCatalogue.validateOverride(problems, p, kind, key.substring(dot + 1), override, thresholds);
            }
        });
        problems.inRange(field(path, "anomalyBandWidth"), anomalyBandWidth, 0, 100);
        canaries.validate(problems, field(path, "canaries"));
        dashboard.validate(problems, field(path, "dashboard"));
        AlarmCatalogue.validateResourceOverrides(problems, env);
        if (createLogGroups && env.namesAreValid()) {
            // The stack creates each service's group: two services naming one would create it twice.
            // (a repeated service name is reported as such; its default group repeating is not news)
            Map<String, String> first = new HashMap<>();
            List<WorkloadConfig.ServiceConfig> services = env.workload().services();
            java.util.Set<String> names = new java.util.HashSet<>();
            for (int i = 0; i < services.size(); i++) {
                WorkloadConfig.ServiceConfig service = services.get(i);
                if (service == null || service.name() == null || !names.add(service.name())) {
                    continue;
                }
                String p = JsonPaths.index(field(field(JsonPaths.ROOT, "workload"), "services"), i);
                String earlier = first.putIfAbsent(service.logGroupName(env.names()), p);
                if (earlier != null) {
                    problems.add(field(p, "logGroup"), "expected a log group of its own (monitoring.createLogGroups"
                            + " creates one per service), found " + ConfigProblems.quote(service.logGroupName(env.names()))
                            + " again (first at " + earlier + ")");
                }
            }
        }
        String rules = field(path, "compositeRules");
        WorkloadConfig.validateAll(problems, rules, compositeRules, CompositeRule::validate);
        problems.unique(rules, compositeRules, CompositeRule::name, "name");
        // Always: it also reports two resources that would create the same alarm name.
        AlarmCatalogue.validateCompositeRules(problems, rules, env);
    }

    /**
     * Overrides one signal's alarm levels.
     *
     * @param warning the warning level; default the catalogue's (or {@code thresholds}')
     * @param critical the critical level; default the catalogue's
     * @param enabled false removes the signal's alarms; default true
     */
    public record AlarmOverride(Double warning, Double critical, Boolean enabled) {

        /** This override's given fields over {@code base}'s. */
        public AlarmOverride over(AlarmOverride base) {
            if (base == null) {
                return this;
            }
            return new AlarmOverride(warning != null ? warning : base.warning(),
                    critical != null ? critical : base.critical(), enabled != null ? enabled : base.enabled());
        }
    }

    /**
     * A composite alarm over alarms of this environment.
     *
     * @param name short name; the alarm is {@code <project>-<env>-<name>-<severity>}; required
     * @param rule an expression over alarm names with AND, OR, NOT and parentheses, e.g.
     *     {@code "api-gateway-5xx-rate-critical AND (db-main-cpu-critical OR db-main-connections-critical)"};
     *     names may omit the {@code <project>-<env>-} prefix; required
     * @param severity {@code critical} or {@code warning}; default critical
     * @param description what it means and what to check first; default none
     */
    public record CompositeRule(String name, String rule, String severity, String description) {
        public CompositeRule {
            severity = severity == null ? "critical" : severity;
            description = description == null ? "" : description;
        }

        void validate(ConfigProblems problems, String path) {
            if (problems.require(field(path, "name"), name)) {
                problems.matches(field(path, "name"), name, Patterns.NAME, "a name of lower-case letters, digits and dashes");
            }
            problems.require(field(path, "rule"), rule);
            if (!severity.equals("critical") && !severity.equals("warning")) {
                problems.add(field(path, "severity"), "expected \"critical\" or \"warning\", found "
                        + ConfigProblems.quote(severity));
            }
            if (description.length() > 900) {
                problems.add(field(path, "description"), "expected at most 900 characters (the alarm description"
                        + " holds 1,024 with the rule), found " + description.length());
            }
        }
    }

    /**
     * Synthetic health checks of each service's {@code healthUrl}.
     *
     * @param enabled whether canaries run; default true
     * @param rateMinutes minutes between runs, 1 to 60; default 5
     * @param artifactRetentionDays days screenshots and logs are kept, 1 to 455; default 30
     */
    public record Canaries(Boolean enabled, Integer rateMinutes, Integer artifactRetentionDays) {
        public Canaries {
            enabled = enabled == null || enabled;
            rateMinutes = rateMinutes == null ? 5 : rateMinutes;
            artifactRetentionDays = artifactRetentionDays == null ? 30 : artifactRetentionDays;
        }

        void validate(ConfigProblems problems, String path) {
            problems.inRange(field(path, "rateMinutes"), rateMinutes, 1, 60);
            problems.inRange(field(path, "artifactRetentionDays"), artifactRetentionDays, 1, 455);
        }
    }

    /**
     * The operations dashboard.
     *
     * @param maxWidgets widgets per dashboard before the next section starts a new one, 2 to 500
     *     (CloudWatch's limit); default 250
     */
    public record Dashboard(Integer maxWidgets) {
        public Dashboard {
            maxWidgets = maxWidgets == null ? 250 : maxWidgets;
        }

        void validate(ConfigProblems problems, String path) {
            problems.inRange(field(path, "maxWidgets"), maxWidgets, 2, 500);
        }
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
