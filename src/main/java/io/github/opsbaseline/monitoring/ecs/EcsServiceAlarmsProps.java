package io.github.opsbaseline.monitoring.ecs;

import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.Objects;
import software.amazon.awscdk.services.ecs.BaseService;

/**
 * Props of {@link EcsServiceAlarms}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param resourceName the service's short name in alarm names, e.g. {@code api}; required
 * @param clusterName the ECS cluster name (a token is fine); required
 * @param serviceName the ECS service name (a token is fine); required
 */
public record EcsServiceAlarmsProps(AlarmOptions options, String resourceName, String clusterName,
                                    String serviceName) {

    public EcsServiceAlarmsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(serviceName, "serviceName");
    }

    /** Props for a service defined in your own stack ({@code FargateService} or {@code Ec2Service}). */
    public static EcsServiceAlarmsProps forService(AlarmOptions options, String resourceName, BaseService service) {
        return new EcsServiceAlarmsProps(options, resourceName, service.getCluster().getClusterName(),
                service.getServiceName());
    }
}
