package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.AlertTopics;
import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.monitoring.alarm.AlarmExpression;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import io.github.opsbaseline.monitoring.cache.CacheAlarms;
import io.github.opsbaseline.monitoring.cache.CacheAlarmsProps;
import io.github.opsbaseline.monitoring.canary.HealthCanaries;
import io.github.opsbaseline.monitoring.canary.HealthCanariesProps;
import io.github.opsbaseline.monitoring.dashboard.OperationsDashboards;
import io.github.opsbaseline.monitoring.dashboard.WorkloadSections;
import io.github.opsbaseline.monitoring.database.DatabaseAlarms;
import io.github.opsbaseline.monitoring.database.DatabaseAlarmsProps;
import io.github.opsbaseline.monitoring.ecs.EcsServiceAlarms;
import io.github.opsbaseline.monitoring.ecs.EcsServiceAlarmsProps;
import io.github.opsbaseline.monitoring.loadbalancer.LoadBalancerAlarms;
import io.github.opsbaseline.monitoring.loadbalancer.LoadBalancerAlarmsProps;
import io.github.opsbaseline.monitoring.loadbalancer.TargetGroupAlarms;
import io.github.opsbaseline.monitoring.loadbalancer.TargetGroupAlarmsProps;
import io.github.opsbaseline.monitoring.logs.LogInsightsQueries;
import io.github.opsbaseline.monitoring.logs.ServiceLogs;
import io.github.opsbaseline.monitoring.logs.ServiceLogsProps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.IKey;
import software.constructs.Construct;

/**
 * Watches the workload and owns the severity topics every stack of the environment publishes to:
 * the alarm catalogue per service, load balancer, database and cache; composite and anomaly alarms;
 * service log groups with metric filters and saved queries; the operations dashboards; and health
 * canaries. Each part is a construct usable on its own (see the README, Monitoring).
 */
public class MonitoringStack extends Stack {

    private final AlertTopics alertTopics;
    private final List<BaselineAlarm> alarms = new ArrayList<>();
    private final List<ServiceLogs> serviceLogs = new ArrayList<>();
    private OperationsDashboards dashboards;
    private HealthCanaries canaries;
    private final List<LogInsightsQueries> queries = new ArrayList<>();

    public MonitoringStack(Construct scope, String id, MonitoringStackProps props) {
        super(scope, id, props.stack());
        alertTopics = new AlertTopics(this, "Alerts", props.alerting());
        ResourceNames names = props.alerting().names();
        RemovalPolicy removal = props.alerting().removalPolicy();
        MonitoredWorkload w = props.workload();
        MonitoringSettings settings = props.settings();
        AlarmOptions base = AlarmOptions.of(names, alertTopics);

        boolean anyCanary = settings.canaries() && w.services().stream().anyMatch(s -> s.healthUrl() != null);
        IKey key = (!w.services().isEmpty() && settings.createLogGroups()) || anyCanary
                ? new MonitoringKey(this, "DataKey", names.name("monitoring"), removal).key() : null;

        String logNamespace = "OpsBaseline/" + names.prefix();
        List<String> logGroupNames = new ArrayList<>();
        for (MonitoredWorkload.Service s : w.services()) {
            AlarmOptions options = base.withOverrides(s.overrides());
            Construct serviceScope = new Construct(this, "Service-" + s.name());
            alarms.addAll(new EcsServiceAlarms(serviceScope, "Ecs",
                    new EcsServiceAlarmsProps(options, s.name(), s.clusterName(), s.serviceName())).alarms());
            if (s.targetGroupFullName() != null && s.loadBalancerFullName() != null) {
                alarms.addAll(new TargetGroupAlarms(serviceScope, "TargetGroup", new TargetGroupAlarmsProps(options, s.name(),
                        s.loadBalancerFullName(), s.targetGroupFullName(), settings.anomalyBandWidth(), true)).alarms());
            }
            ServiceLogs logs = new ServiceLogs(serviceScope, "Logs", new ServiceLogsProps(options, s.name(), s.logGroupName(),
                    settings.createLogGroups(), settings.logRetentionDays(), key, removal, logNamespace,
                    settings.slowRequestSeconds()));
            serviceLogs.add(logs);
            logGroupNames.add(logs.logGroupName());
            alarms.addAll(logs.alarms());
        }
        for (MonitoredWorkload.LoadBalancer lb : w.loadBalancers()) {
            alarms.addAll(new LoadBalancerAlarms(this, "LoadBalancer-" + lb.name(), new LoadBalancerAlarmsProps(
                    base.withOverrides(lb.overrides()), lb.name(), lb.fullName())).alarms());
        }
        for (MonitoredWorkload.Database db : w.databases()) {
            alarms.addAll(new DatabaseAlarms(this, "Database-" + db.name(), new DatabaseAlarmsProps(
                    base.withOverrides(db.overrides()), db.name(), db.identifier(), db.facts(), true)).alarms());
        }
        for (MonitoredWorkload.Cache c : w.caches()) {
            alarms.addAll(new CacheAlarms(this, "Cache-" + c.name(), new CacheAlarmsProps(
                    base.withOverrides(c.overrides()), c.name(), c.replicationGroupId(), c.nodes())).alarms());
        }
        if (anyCanary) {
            List<HealthCanariesProps.HealthCheck> checks = w.services().stream().filter(s -> s.healthUrl() != null)
                    .map(s -> new HealthCanariesProps.HealthCheck(s.name(), s.healthUrl(), s.overrides())).toList();
            canaries = new HealthCanaries(this, "HealthCanaries", new HealthCanariesProps(base, checks, settings.canaryRateMinutes(),
                    settings.canaryArtifactRetentionDays(), key, removal, null));
            alarms.addAll(canaries.alarms());
        }
        addCompositeRules(names, base, settings);
        for (int i = 0; i < logGroupNames.size(); i += LogInsightsQueries.MAX_LOG_GROUPS) {
            queries.add(new LogInsightsQueries(this, i == 0 ? "Queries" : "Queries" + (i / LogInsightsQueries.MAX_LOG_GROUPS + 1),
                    names, logGroupNames.subList(i, Math.min(logGroupNames.size(), i + LogInsightsQueries.MAX_LOG_GROUPS)),
                    settings.slowRequestSeconds()));
        }
        if (!w.services().isEmpty() || !w.databases().isEmpty() || !w.caches().isEmpty()) {
            String arnPrefix = "arn:" + getPartition() + ":cloudwatch:" + getRegion() + ":" + getAccount() + ":alarm:";
            WorkloadSections sections = new WorkloadSections(getRegion(), arnPrefix, logNamespace, settings.webAclName());
            dashboards = new OperationsDashboards(this, "Dashboard", names,
                    sections.sections(w, alarms, logGroupNames), settings.dashboardMaxWidgets());
        }
    }

    private void addCompositeRules(ResourceNames names, AlarmOptions base, MonitoringSettings settings) {
        if (settings.compositeRules().isEmpty()) {
            return;
        }
        Map<String, BaselineAlarm> byName = new LinkedHashMap<>();
        alarms.forEach(a -> byName.put(a.name(), a));
        AlarmFactory factory = new AlarmFactory(new Construct(this, "CompositeRules"), base);
        String prefix = names.prefix() + "-";
        for (MonitoringSettings.CompositeRuleSpec rule : settings.compositeRules()) {
            AlarmExpression expression;
            try {
                expression = AlarmExpression.parse(rule.rule());
            } catch (AlarmExpression.SyntaxError e) {
                throw new IllegalArgumentException("composite rule " + rule.name() + ": " + e.getMessage(), e);
            }
            List<BaselineAlarm> children = new ArrayList<>();
            for (String n : expression.names()) {
                BaselineAlarm child = byName.get(n.startsWith(prefix) ? n : prefix + n);
                if (child == null) {
                    throw new IllegalArgumentException("composite rule " + rule.name() + ": unknown alarm " + n);
                }
                children.add(child);
            }
            BaselineAlarm composite = factory.composite(rule.name(), "", rule.severity(),
                    expression.toAlarmRule(n -> n.startsWith(prefix) ? n : prefix + n), children,
                    rule.description(), "Which child alarm is in ALARM.");
            alarms.add(composite);
            byName.put(composite.name(), composite);
        }
    }

    /** The severity topics, for the other stacks and for teams adding their own alarms. */
    public IAlertTopics alertTopics() {
        return alertTopics;
    }

    /** Every alarm created, composites included, in creation order. */
    public List<BaselineAlarm> alarms() {
        return List.copyOf(alarms);
    }

    public List<ServiceLogs> serviceLogs() {
        return List.copyOf(serviceLogs);
    }

    /** The dashboards, or null when nothing is watched. */
    public OperationsDashboards dashboards() {
        return dashboards;
    }

    /** The health canaries, or null when no service has a health URL. */
    public HealthCanaries canaries() {
        return canaries;
    }

    public List<LogInsightsQueries> queries() {
        return List.copyOf(queries);
    }
}
