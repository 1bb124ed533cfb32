package io.github.opsbaseline.monitoring.dashboard;

import static io.github.opsbaseline.monitoring.dashboard.Widgets.line;
import static io.github.opsbaseline.monitoring.dashboard.Widgets.metric;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.monitoring.MonitoredWorkload;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import io.github.opsbaseline.monitoring.logs.LogSignals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections of the operations dashboard for a workload: alarm status first (composites and
 * critical alarms), then each service (traffic, latency, errors, target health, CPU, memory), the load
 * balancers (traffic, errors, connections: seed 000's "traffic, response, health"), the databases, the
 * caches, the web firewall, and recent errors from the service logs.
 *
 * @param region the region of every metric (the stack's)
 * @param alarmArnPrefix {@code arn:<partition>:cloudwatch:<region>:<account>:alarm:}
 * @param logNamespace namespace of the log metric filters
 * @param webAclName the web ACL of the WAF section, or null for no WAF section
 */
public record WorkloadSections(String region, String alarmArnPrefix, String logNamespace, String webAclName) {

    /** CloudWatch shows at most 100 alarms in one alarm-status widget. */
    public static final int ALARMS_PER_STATUS_WIDGET = 100;
    /** A Logs Insights query reads at most 50 log groups. */
    public static final int LOG_GROUPS_PER_QUERY = 50;

    public List<DashboardSection> sections(MonitoredWorkload w, List<BaselineAlarm> alarms, List<String> logGroups) {
        List<DashboardSection> sections = new ArrayList<>();
        List<String> status = alarms.stream()
                .filter(a -> a.kind() == BaselineAlarm.Kind.COMPOSITE || a.severity() == Severity.CRITICAL)
                .map(a -> alarmArnPrefix + a.name()).toList();
        if (!status.isEmpty()) {
            List<Map<String, Object>> widgets = new ArrayList<>();
            for (int i = 0; i < status.size(); i += ALARMS_PER_STATUS_WIDGET) {
                widgets.add(Widgets.alarmStatus("Critical and composite alarms",
                        status.subList(i, Math.min(status.size(), i + ALARMS_PER_STATUS_WIDGET))));
            }
            sections.add(new DashboardSection("Alarm status", widgets));
        }
        for (MonitoredWorkload.Service s : w.services()) {
            sections.add(service(s));
        }
        if (!w.loadBalancers().isEmpty()) {
            List<Map<String, Object>> widgets = new ArrayList<>();
            w.loadBalancers().forEach(lb -> widgets.addAll(loadBalancer(lb)));
            sections.add(new DashboardSection("Load balancers", widgets));
        }
        if (!w.databases().isEmpty()) {
            List<Map<String, Object>> widgets = new ArrayList<>();
            w.databases().forEach(d -> widgets.addAll(database(d)));
            sections.add(new DashboardSection("Databases", widgets));
        }
        if (!w.caches().isEmpty()) {
            List<Map<String, Object>> widgets = new ArrayList<>();
            w.caches().forEach(c -> widgets.addAll(cache(c)));
            sections.add(new DashboardSection("Caches", widgets));
        }
        if (webAclName != null) {
            Map<String, String> acl = dims("WebACL", webAclName, "Region", region, "Rule", "ALL");
            sections.add(new DashboardSection("Web firewall (" + webAclName + ")", List.of(
                    metric("Requests allowed and blocked", region, List.of(
                            line("AWS/WAFV2", "AllowedRequests", acl, "Sum", "allowed"),
                            line("AWS/WAFV2", "BlockedRequests", acl, "Sum", "blocked"),
                            line("AWS/WAFV2", "CountedRequests", acl, "Sum", "counted"))))));
        }
        if (!logGroups.isEmpty()) {
            List<Map<String, Object>> widgets = new ArrayList<>();
            for (int i = 0; i < logGroups.size(); i += LOG_GROUPS_PER_QUERY) {
                widgets.add(Widgets.logs("Recent errors", region,
                        logGroups.subList(i, Math.min(logGroups.size(), i + LOG_GROUPS_PER_QUERY)),
                        "fields @timestamp, @log, logger, module, function, message, request_id"
                                + " | filter " + LogSignals.lines("log-errors").insightsFilter()
                                + " | sort @timestamp desc | limit 50"));
            }
            sections.add(new DashboardSection("Logs", widgets));
        }
        return sections;
    }

    private DashboardSection service(MonitoredWorkload.Service s) {
        List<Map<String, Object>> widgets = new ArrayList<>();
        Map<String, String> ecs = dims("ClusterName", s.clusterName(), "ServiceName", s.serviceName());
        List<List<Object>> errors = new ArrayList<>();
        if (s.targetGroupFullName() != null && s.loadBalancerFullName() != null) {
            Map<String, String> tg = dims("LoadBalancer", s.loadBalancerFullName(), "TargetGroup", s.targetGroupFullName());
            String ns = "AWS/ApplicationELB";
            widgets.add(metric("Traffic", region, List.of(line(ns, "RequestCount", tg, "Sum", "requests"))));
            widgets.add(metric("Latency", region, List.of(
                    line(ns, "TargetResponseTime", tg, "p99", "p99"),
                    line(ns, "TargetResponseTime", tg, "Average", "average"))));
            errors.add(line(ns, "HTTPCode_Target_5XX_Count", tg, "Sum", "target 5xx"));
            widgets.add(metric("Targets", region, List.of(
                    line(ns, "HealthyHostCount", tg, "Minimum", "healthy"),
                    line(ns, "UnHealthyHostCount", tg, "Maximum", "unhealthy"))));
        }
        errors.add(line(logNamespace, LogSignals.metricName(s.name(), "log-errors"), Map.of(), "Sum", "error log lines"));
        widgets.add(metric("Errors", region, errors));
        widgets.add(metric("CPU", region, List.of(
                line("AWS/ECS", "CPUUtilization", ecs, "Average", "average"),
                line("AWS/ECS", "CPUUtilization", ecs, "Maximum", "maximum"))));
        widgets.add(metric("Memory", region, List.of(
                line("AWS/ECS", "MemoryUtilization", ecs, "Average", "average"),
                line("AWS/ECS", "MemoryUtilization", ecs, "Maximum", "maximum"))));
        return new DashboardSection("Service " + s.name(), widgets);
    }

    private List<Map<String, Object>> loadBalancer(MonitoredWorkload.LoadBalancer lb) {
        Map<String, String> id = dims("LoadBalancer", lb.fullName());
        String ns = "AWS/ApplicationELB";
        String t = lb.name() + ": ";
        return List.of(
                metric(t + "requests and errors", region, List.of(
                        line(ns, "RequestCount", id, "Sum", "requests"),
                        line(ns, "HTTPCode_ELB_5XX_Count", id, "Sum", "load balancer 5xx"),
                        line(ns, "HTTPCode_Target_5XX_Count", id, "Sum", "target 5xx"))),
                metric(t + "connections", region, List.of(
                        line(ns, "ActiveConnectionCount", id, "Sum", "active"),
                        line(ns, "RejectedConnectionCount", id, "Sum", "rejected"))));
    }

    private List<Map<String, Object>> database(MonitoredWorkload.Database d) {
        Map<String, String> id = dims(d.facts().cluster() ? "DBClusterIdentifier" : "DBInstanceIdentifier", d.identifier());
        String ns = "AWS/RDS";
        String t = d.name() + ": ";
        return List.of(
                metric(t + "CPU", region, List.of(line(ns, "CPUUtilization", id, "Average", "CPU %"))),
                metric(t + "connections", region, List.of(line(ns, "DatabaseConnections", id, "Maximum", "connections"))),
                metric(t + "freeable memory", region, List.of(line(ns, "FreeableMemory", id, "Average", "bytes"))),
                metric(t + "latency p90", region, List.of(
                        line(ns, "ReadLatency", id, "p90", "read"), line(ns, "WriteLatency", id, "p90", "write"))),
                // Aurora's cluster volume grows by itself and publishes no FreeStorageSpace: its size instead
                d.facts().cluster() && d.facts().engine().isAurora()
                        ? metric(t + "volume used", region, List.of(line(ns, "VolumeBytesUsed", id, "Average", "bytes")))
                        : metric(t + "free storage", region, List.of(line(ns, "FreeStorageSpace", id, "Minimum", "bytes"))));
    }

    private List<Map<String, Object>> cache(MonitoredWorkload.Cache c) {
        String ns = "AWS/ElastiCache";
        List<List<Object>> cpu = new ArrayList<>();
        List<List<Object>> memory = new ArrayList<>();
        List<List<Object>> hits = new ArrayList<>();
        List<List<Object>> pressure = new ArrayList<>();
        for (int n = 1; n <= c.nodes(); n++) {
            String node = c.replicationGroupId() + "-" + String.format("%03d", n);
            Map<String, String> id = dims("CacheClusterId", node);
            cpu.add(line(ns, "EngineCPUUtilization", id, "Average", node));
            memory.add(line(ns, "DatabaseMemoryUsagePercentage", id, "Average", node));
            hits.add(line(ns, "CacheHits", id, "Sum", node + " hits"));
            hits.add(line(ns, "CacheMisses", id, "Sum", node + " misses"));
            pressure.add(line(ns, "Evictions", id, "Sum", node + " evictions"));
            pressure.add(line(ns, "CurrConnections", id, "Maximum", node + " connections"));
        }
        String t = c.name() + ": ";
        return List.of(metric(t + "engine CPU", region, cpu), metric(t + "memory used %", region, memory),
                metric(t + "hits and misses", region, hits), metric(t + "evictions and connections", region, pressure));
    }

    private static Map<String, String> dims(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
