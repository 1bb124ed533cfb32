package io.github.opsbaseline.monitoring.loadbalancer;

import static io.github.opsbaseline.monitoring.alarm.MetricSpec.math;
import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;

import io.github.opsbaseline.monitoring.alarm.Direction;
import io.github.opsbaseline.monitoring.alarm.MetricSpec;
import io.github.opsbaseline.monitoring.alarm.MissingData;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.List;

/**
 * The alarm catalogue of an application load balancer (dimension {@code LoadBalancer}) and of its
 * target groups (dimensions {@code LoadBalancer}, {@code TargetGroup}).
 */
public final class LoadBalancerSignals {

    private LoadBalancerSignals() { }

    public static final String KIND = "load-balancer";
    private static final String NS = "AWS/ApplicationELB";

    private static final String LATENCY_CHECK = "Slow endpoints in the slow-requests saved query, database latency"
            + " and connections, CPU of the targets; a deployment in the last hour.";

    static SignalDefinition latencyP99() {
        return signal("latency-p99", "Target response time p99", metric(NS, "TargetResponseTime", "p99"))
                .above(1.0, 3.0, "s")
                .means("The slowest 1% of requests take longer than the threshold; users notice.", LATENCY_CHECK);
    }

    static SignalDefinition latencyAverage() {
        return signal("latency-avg", "Target response time average", metric(NS, "TargetResponseTime", "Average"))
                .above(1.0, 3.0, "s")
                .means("Requests are slow on average: the whole service is degraded, not a few endpoints.",
                        LATENCY_CHECK);
    }

    static SignalDefinition errorRate(String id, String title, MetricSpec.Math expression, String check) {
        return signal(id, title, expression)
                .above(5.0, 10.0, "%")
                .means("This share of requests ends in a 5xx error.", check);
    }

    /** Target group signals: the service behind it, as the load balancer sees it. */
    public static final List<SignalDefinition> TARGET_GROUP = List.of(
            latencyP99(),
            latencyAverage(),
            errorRate("5xx-rate", "Target 5xx share of requests",
                    math("IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)",
                            "errors", metric(NS, "HTTPCode_Target_5XX_Count", "Sum"),
                            "requests", metric(NS, "RequestCount", "Sum")),
                    "The service log group's errors (errors-by-module saved query), its database and cache alarms,"
                            + " and whether a deployment is rolling."),
            signal("unhealthy-hosts", "Unhealthy targets", metric(NS, "UnHealthyHostCount", "Maximum"))
                    .every(60, 2, 2)
                    .above(null, 0.0, "targets")
                    .means("At least one target fails the load balancer's health check and gets no traffic.",
                            "The target group's health-check reason codes, the /health endpoint's response"
                                    + " (database and cache checks), and task stops in the ECS service events."),
            // When every task is gone ECS deregisters the targets: UnHealthyHostCount falls back to 0 and
            // the 5xx come from the load balancer, not the targets, so only this signal sees the outage.
            // No data counts as none healthy: a load balancer publishes this every minute for each of its
            // target groups, so silence means the target group lost its load balancer.
            signal("healthy-hosts", "Healthy targets", metric(NS, "HealthyHostCount", "Minimum"))
                    .every(60, 2, 2)
                    .below(null, 1.0, "targets")
                    .missing(MissingData.BREACHING)
                    .means("No target passes the health check: the load balancer answers every request with 503.",
                            "Running tasks and stopped tasks' reasons in the ECS service events, the health-check"
                                    + " reason codes of the target group, and the last deployment."));

    /** Load balancer signals: the front door as a whole. */
    public static final List<SignalDefinition> LOAD_BALANCER = List.of(
            latencyP99(),
            latencyAverage(),
            errorRate("target-5xx-rate", "Target 5xx share of requests",
                    math("IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)",
                            "errors", metric(NS, "HTTPCode_Target_5XX_Count", "Sum"),
                            "requests", metric(NS, "RequestCount", "Sum")),
                    "Which target group's 5xx-rate alarm fires, then that service's log errors."),
            // RequestCount leaves out requests the load balancer answered without choosing a target (the
            // 503s of "no healthy target"), so they are added to the denominator: with no target left the
            // share is 100%, not a division by nothing. (502/504 are counted twice; the share errs low.)
            errorRate("elb-5xx-rate", "Load balancer 5xx share of requests",
                    math("IF(FILL(requests, 0) + FILL(errors, 0) > 0,"
                                    + " 100 * FILL(errors, 0) / (FILL(requests, 0) + FILL(errors, 0)), 0)",
                            "errors", metric(NS, "HTTPCode_ELB_5XX_Count", "Sum"),
                            "requests", metric(NS, "RequestCount", "Sum")),
                    "502/503/504 from the load balancer itself: no healthy targets (the healthy-hosts alarms),"
                            + " target timeouts or connection resets; the listener rules."),
            signal("rejected-connections", "Rejected connections", metric(NS, "RejectedConnectionCount", "Sum"))
                    .levels(Direction.ABOVE, 0.0, 100.0, "connections")
                    .means("The load balancer refused connections because it reached its maximum.",
                            "Traffic on the dashboard and the WAF section (a flood, a bot), and AWS Health events."));

    /** Anomaly bands (warning only): request count on both sides, latency above. */
    public static List<SignalDefinition> anomalies(double bandWidth) {
        return List.of(
                signal("requests-anomaly", "Request count", new MetricSpec.Band(metric(NS, "RequestCount", "Sum")))
                        .every(300, 3, 3)
                        .levels(Direction.OUTSIDE, bandWidth, null, "")
                        .means("Traffic left its usual band for this time of day: a drop (clients cannot reach us)"
                                + " or a surge (a campaign, a bot).",
                                "The WAF section of the dashboard, the canary, DNS and upstream clients."),
                signal("latency-anomaly", "Average response time",
                        new MetricSpec.Band(metric(NS, "TargetResponseTime", "Average")))
                        .every(300, 3, 3)
                        .levels(Direction.ABOVE, bandWidth, null, "")
                        .means("Latency is above its usual band although it may be under the static threshold.",
                                LATENCY_CHECK));
    }

    /**
     * Whether a target group gets the "service down" composite, given which signals have a critical
     * alarm: either branch alone makes it. {@link TargetGroupAlarms} builds it so, and
     * {@code AlarmCatalogue} asks at config time, where no CDK class may load (the CLI runs without it).
     */
    public static boolean hasServiceDown(java.util.function.Predicate<String> hasCritical) {
        return hasCritical.test("unhealthy-hosts") && hasCritical.test("5xx-rate") || hasCritical.test("healthy-hosts");
    }
}
