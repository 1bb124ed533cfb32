package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.config.MonitoringConfig;
import java.util.List;
import java.util.Locale;

/**
 * How {@link MonitoringStack} watches the workload.
 *
 * @param logRetentionDays retention of created service log groups, one of CloudWatch Logs' periods; default 30
 * @param createLogGroups create the service log groups (KMS, retention, removal policy) rather than
 *     attach filters to existing ones; default true
 * @param anomalyBandWidth anomaly band width in standard deviations, 0 = no anomaly alarms; default 2
 * @param slowRequestSeconds what the slow-request filter and query count as slow; default 1 (seed 000)
 * @param compositeRules user composite alarms; default none
 * @param canaries whether to run health canaries on the services' health URLs; default true
 * @param canaryRateMinutes minutes between canary runs; default 5
 * @param canaryArtifactRetentionDays days canary artifacts are kept; default 30
 * @param dashboardMaxWidgets widgets per dashboard before splitting; default 250
 * @param webAclName the web ACL whose metrics the WAF section shows; default none (no WAF section);
 *     {@link #fromConfig} sets {@code <project>-<env>-web-acl}, the security stack's name for it
 * @param deploymentAlerts whether the services' ECS deployments, completed and failed, are reported
 *     ({@link io.github.opsbaseline.monitoring.ecs.DeploymentAlerts}); default true
 */
public record MonitoringSettings(Integer logRetentionDays, Boolean createLogGroups, Double anomalyBandWidth,
                                 Double slowRequestSeconds, List<CompositeRuleSpec> compositeRules, Boolean canaries,
                                 Integer canaryRateMinutes, Integer canaryArtifactRetentionDays,
                                 Integer dashboardMaxWidgets, String webAclName, Boolean deploymentAlerts) {

    /**
     * A user composite alarm.
     *
     * @param name short name; the alarm is {@code <project>-<env>-<name>-<severity>}
     * @param rule expression over alarm names (short or full) with AND, OR, NOT, parentheses
     * @param severity topic of its actions
     * @param description what it means and what to check first
     */
    public record CompositeRuleSpec(String name, String rule, Severity severity, String description) { }

    public MonitoringSettings {
        logRetentionDays = logRetentionDays == null ? 30 : logRetentionDays;
        if (MonitoringConfig.retentionProblem(logRetentionDays) != null) {
            throw new IllegalArgumentException("logRetentionDays: " + MonitoringConfig.retentionProblem(logRetentionDays));
        }
        createLogGroups = createLogGroups == null || createLogGroups;
        anomalyBandWidth = anomalyBandWidth == null ? 2.0 : anomalyBandWidth;
        slowRequestSeconds = slowRequestSeconds == null ? 1.0 : slowRequestSeconds;
        compositeRules = compositeRules == null ? List.of() : List.copyOf(compositeRules);
        canaries = canaries == null || canaries;
        canaryRateMinutes = canaryRateMinutes == null ? 5 : canaryRateMinutes;
        canaryArtifactRetentionDays = canaryArtifactRetentionDays == null ? 30 : canaryArtifactRetentionDays;
        dashboardMaxWidgets = dashboardMaxWidgets == null ? 250 : dashboardMaxWidgets;
        deploymentAlerts = deploymentAlerts == null || deploymentAlerts;
    }

    public static MonitoringSettings defaults() {
        return new MonitoringSettings(null, null, null, null, null, null, null, null, null, null, null);
    }

    public static MonitoringSettings fromConfig(EnvironmentConfig env) {
        MonitoringConfig m = env.monitoring();
        List<CompositeRuleSpec> rules = m.compositeRules().stream()
                .map(r -> new CompositeRuleSpec(r.name(), r.rule(),
                        Severity.valueOf(r.severity().toUpperCase(Locale.ROOT)), r.description()))
                .toList();
        return new MonitoringSettings(m.logRetentionDays(), m.createLogGroups(), m.anomalyBandWidth(),
                m.thresholds().responseTimeSeconds().warning(), rules, m.canaries().enabled(),
                m.canaries().rateMinutes(), m.canaries().artifactRetentionDays(), m.dashboard().maxWidgets(),
                // no WAF section for a web ACL the security stack does not create: its graphs would stay empty
                env.security().waf().enabled() ? env.names().name("web-acl") : null, m.deploymentAlerts());
    }
}
