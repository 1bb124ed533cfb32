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
import io.github.opsbaseline.monitoring.canary.CanaryInfrastructure;
import io.github.opsbaseline.monitoring.canary.HealthCanaries;
import io.github.opsbaseline.monitoring.canary.HealthCanariesProps;
import io.github.opsbaseline.monitoring.dashboard.OperationsDashboards;
import io.github.opsbaseline.monitoring.dashboard.WorkloadSections;
import io.github.opsbaseline.monitoring.database.DatabaseAlarms;
import io.github.opsbaseline.monitoring.database.DatabaseAlarmsProps;
import io.github.opsbaseline.monitoring.ecs.DeploymentAlerts;
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
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.ssm.StringParameter;
import software.constructs.Construct;

/**
 * Watches the workload and owns the severity topics every stack of the environment publishes to:
 * the alarm catalogue per service, load balancer, database and cache; composite and anomaly alarms;
 * service log groups with metric filters and saved queries; the operations dashboards; and health
 * canaries. Each part is a construct usable on its own (see the README, Monitoring).
 *
 * <p>Each watched resource's alarms, log group and canary live in a nested stack of its own (see
 * {@link MonitoringLayout}); this stack keeps what the environment shares: topics, keys, the canary
 * bucket and role, user composite rules, saved queries and the first dashboard.
 */
public class MonitoringStack extends Stack {

    private final AlertTopics alertTopics;
    private final List<BaselineAlarm> alarms = new ArrayList<>();
    private final List<ServiceLogs> serviceLogs = new ArrayList<>();
    private OperationsDashboards dashboards;
    private final List<HealthCanaries> canaries = new ArrayList<>();
    private final MonitoringLayout layout;
    private final List<LogInsightsQueries> queries = new ArrayList<>();

    public MonitoringStack(Construct scope, String id, MonitoringStackProps props) {
        super(scope, id, props.stack());
        alertTopics = new AlertTopics(this, "Alerts", props.alerting());
        ResourceNames names = props.alerting().names();
        RemovalPolicy removal = props.alerting().removalPolicy();
        MonitoredWorkload w = props.workload();
        MonitoringSettings settings = props.settings();
        AlarmOptions base = AlarmOptions.of(names, alertTopics);
        layout = new MonitoringLayout(this);

        boolean anyCanary = settings.canaries() && w.services().stream().anyMatch(s -> s.healthUrl() != null);
        IKey key = (!w.services().isEmpty() && settings.createLogGroups()) || anyCanary
                ? new MonitoringKey(this, "DataKey", names.name("monitoring"), removal).key() : null;

        String logNamespace = "OpsBaseline/" + names.prefix();
        CanaryInfrastructure canaryInfrastructure = anyCanary ? new CanaryInfrastructure(this, "HealthCanaries", names, key,
                settings.canaryArtifactRetentionDays(), removal) : null;
        StringParameter logKeyParameter = key == null || !settings.createLogGroups() ? null : logKeyParameter(names, key);
        // the literal name: the parameter's own getParameterName() is a token, which would not stay a string
        String logKeyArn = logKeyParameter == null ? null : "{{resolve:ssm:" + logKeyParameterName(names) + "}}";
        List<String> logGroupNames = new ArrayList<>();
        for (MonitoredWorkload.Service s : w.services()) {
            AlarmOptions options = base.withOverrides(s.overrides());
            Construct unit = layout.unit("Service-" + s.name(), "Monitoring of service " + s.name() + " (ops-baseline)");
            alarms.addAll(new EcsServiceAlarms(unit, "Ecs",
                    new EcsServiceAlarmsProps(options, s.name(), s.clusterName(), s.serviceName())).alarms());
            if (s.targetGroupFullName() != null && s.loadBalancerFullName() != null) {
                alarms.addAll(new TargetGroupAlarms(unit, "TargetGroup", new TargetGroupAlarmsProps(options, s.name(),
                        s.loadBalancerFullName(), s.targetGroupFullName(), settings.anomalyBandWidth(), true)).alarms());
            }
            ServiceLogs logs = new ServiceLogs(unit, "Logs", new ServiceLogsProps(options, s.name(), s.logGroupName(),
                    settings.createLogGroups(), settings.logRetentionDays(), key, removal, logNamespace,
                    settings.slowRequestSeconds(), logKeyArn));
            serviceLogs.add(logs);
            // The literal name, not the group's reference: queries and dashboards in this stack must not
            // need an output of every unit stack.
            logGroupNames.add(s.logGroupName());
            alarms.addAll(logs.alarms());
            if (canaryInfrastructure != null && s.healthUrl() != null) {
                HealthCanaries canary = new HealthCanaries(unit, "HealthCanary", new HealthCanariesProps(base,
                        List.of(new HealthCanariesProps.HealthCheck(s.name(), s.healthUrl(), s.overrides())),
                        settings.canaryRateMinutes(), settings.canaryArtifactRetentionDays(), key, removal, null,
                        canaryInfrastructure));
                canaries.add(canary);
                alarms.addAll(canary.alarms());
            }
        }
        for (MonitoredWorkload.LoadBalancer lb : w.loadBalancers()) {
            alarms.addAll(new LoadBalancerAlarms(layout.unit("LoadBalancer-" + lb.name(), "Monitoring of load balancer "
                    + lb.name() + " (ops-baseline)"), "Alarms", new LoadBalancerAlarmsProps(
                    base.withOverrides(lb.overrides()), lb.name(), lb.fullName())).alarms());
        }
        for (MonitoredWorkload.Database db : w.databases()) {
            alarms.addAll(new DatabaseAlarms(layout.unit("Database-" + db.name(), "Monitoring of database "
                    + db.name() + " (ops-baseline)"), "Alarms", new DatabaseAlarmsProps(
                    base.withOverrides(db.overrides()), db.name(), db.identifier(), db.facts(), true)).alarms());
        }
        for (MonitoredWorkload.Cache c : w.caches()) {
            alarms.addAll(new CacheAlarms(layout.unit("Cache-" + c.name(), "Monitoring of cache " + c.name()
                    + " (ops-baseline)"), "Alarms", new CacheAlarmsProps(
                    base.withOverrides(c.overrides()), c.name(), c.replicationGroupId(), c.nodes())).alarms());
        }
        if (settings.deploymentAlerts() && !w.services().isEmpty()) {
            new DeploymentAlerts(this, "DeploymentAlerts", new DeploymentAlerts.Props(names, alertTopics,
                    w.services().stream().map(MonitoredWorkload.Service::clusterName).toList()));
        }
        addCompositeRules(names, base, settings);
        for (int i = 0; i < logGroupNames.size(); i += LogInsightsQueries.MAX_LOG_GROUPS) {
            // The first 50 log groups' queries here, each further 50's in a nested stack of their own:
            // the parent stays the same size whatever the number of services.
            int part = i / LogInsightsQueries.MAX_LOG_GROUPS + 1;
            Construct home = part == 1 ? this : NestedStack.Builder.create(this, "QueriesStack" + part)
                    .description("Saved Logs Insights queries, part " + part + " (ops-baseline)").build();
            queries.add(new LogInsightsQueries(home, part == 1 ? "Queries" : "Queries" + part,
                    names, logGroupNames.subList(i, Math.min(logGroupNames.size(), i + LogInsightsQueries.MAX_LOG_GROUPS)),
                    settings.slowRequestSeconds()));
        }
        if (logKeyParameter != null) {
            layout.groups().values().forEach(g -> g.getNode().addDependency(logKeyParameter));
        }
        // Saved queries name log groups the unit stacks create: deploy those first.
        queries.forEach(q -> layout.groups().values().forEach(g -> q.getNode().addDependency(g)));
        if (!w.services().isEmpty() || !w.databases().isEmpty() || !w.caches().isEmpty()) {
            String arnPrefix = "arn:" + getPartition() + ":cloudwatch:" + getRegion() + ":" + getAccount() + ":alarm:";
            WorkloadSections sections = new WorkloadSections(getRegion(), arnPrefix, logNamespace, settings.webAclName());
            dashboards = new OperationsDashboards(this, "Dashboard", names,
                    sections.sections(w, alarms, logGroupNames), settings.dashboardMaxWidgets());
        }
    }

    /**
     * The data key's ARN for the unit stacks' log groups, as an SSM dynamic reference to a parameter of
     * this stack rather than a nested-stack parameter: a log group's {@code KmsKeyId} must be a string
     * or a local key reference for Control Tower's CT.CLOUDWATCH.PR.3 to see it encrypted, and
     * CloudFormation resolves the reference to the ARN at deploy time. The unit stacks deploy after it.
     */
    private static String logKeyParameterName(ResourceNames names) {
        return "/" + names.prefix() + "/monitoring/log-key-arn";
    }

    private StringParameter logKeyParameter(ResourceNames names, IKey key) {
        return StringParameter.Builder.create(this, "LogKeyArn")
                .parameterName(logKeyParameterName(names))
                .description("ARN of the key of " + names.prefix() + "'s service log groups (ops-baseline)")
                .stringValue(key.getKeyArn())
                .build();
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

    /** The health canaries, one construct per service with a health URL. */
    public List<HealthCanaries> canaries() {
        return List.copyOf(canaries);
    }

    /** Which nested stack holds each watched resource's monitoring. */
    public MonitoringLayout layout() {
        return layout;
    }

    public List<LogInsightsQueries> queries() {
        return List.copyOf(queries);
    }
}
