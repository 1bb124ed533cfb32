package io.github.opsbaseline.monitoring.loadbalancer;

import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.Objects;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;

/**
 * Props of {@link LoadBalancerAlarms}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param resourceName the load balancer's short name in alarm names, e.g. {@code alb-public}; required
 * @param loadBalancerFullName the {@code LoadBalancer} dimension, {@code app/<name>/<id>}; required
 */
public record LoadBalancerAlarmsProps(AlarmOptions options, String resourceName, String loadBalancerFullName) {

    public LoadBalancerAlarmsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(loadBalancerFullName, "loadBalancerFullName");
    }

    /** Props for a load balancer defined in your own stack. */
    public static LoadBalancerAlarmsProps forLoadBalancer(AlarmOptions options, String resourceName,
                                                          ApplicationLoadBalancer loadBalancer) {
        return new LoadBalancerAlarmsProps(options, resourceName, loadBalancer.getLoadBalancerFullName());
    }
}
