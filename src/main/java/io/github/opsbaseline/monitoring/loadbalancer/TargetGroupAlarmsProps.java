package io.github.opsbaseline.monitoring.loadbalancer;

import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.Objects;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;

/**
 * Props of {@link TargetGroupAlarms}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param resourceName the service's short name in alarm names, e.g. {@code api}; required
 * @param loadBalancerFullName the {@code LoadBalancer} dimension, {@code app/<name>/<id>}; required
 * @param targetGroupFullName the {@code TargetGroup} dimension, {@code targetgroup/<name>/<id>}; required
 * @param anomalyBandWidth width in standard deviations of the anomaly bands on request count and
 *     latency; default 2; 0 turns the anomaly alarms off
 * @param serviceDown whether to add the "service down" composite (unhealthy targets AND 5xx
 *     critical, OR no healthy target); default true
 */
public record TargetGroupAlarmsProps(AlarmOptions options, String resourceName, String loadBalancerFullName,
                                     String targetGroupFullName, Double anomalyBandWidth, Boolean serviceDown) {

    public TargetGroupAlarmsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(loadBalancerFullName, "loadBalancerFullName");
        Objects.requireNonNull(targetGroupFullName, "targetGroupFullName");
        anomalyBandWidth = anomalyBandWidth == null ? 2.0 : anomalyBandWidth;
        serviceDown = serviceDown == null || serviceDown;
    }

    /** Props for a target group defined in your own stack (it must be attached to a load balancer). */
    public static TargetGroupAlarmsProps forTargetGroup(AlarmOptions options, String resourceName,
                                                        ApplicationTargetGroup targetGroup) {
        return new TargetGroupAlarmsProps(options, resourceName, targetGroup.getFirstLoadBalancerFullName(),
                targetGroup.getTargetGroupFullName(), null, null);
    }

    public TargetGroupAlarmsProps withAnomalyBandWidth(Double width) {
        return new TargetGroupAlarmsProps(options, resourceName, loadBalancerFullName, targetGroupFullName,
                width, serviceDown);
    }
}
