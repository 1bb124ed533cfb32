package io.github.opsbaseline.cli;

import static io.github.opsbaseline.operations.StatusReaderPermissions.ECS_DESCRIBE_SERVICES;
import static io.github.opsbaseline.operations.StatusReaderPermissions.ELB_DESCRIBE_TARGET_HEALTH;

import io.github.opsbaseline.cli.StatusReport.Problem;
import io.github.opsbaseline.cli.StatusReport.Service;
import io.github.opsbaseline.cli.StatusReport.Targets;
import io.github.opsbaseline.config.WorkloadConfig.ServiceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ecs.model.DescribeServicesResponse;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

/** Each ECS service's task counts and primary deployment, and its target group's health. */
final class ServicesReader {

    static final String SECTION = "services";
    /** DescribeServices takes at most 10 services per call. */
    private static final int PER_CALL = 10;

    private ServicesReader() { }

    static List<Service> read(ReadContext ctx) {
        List<ServiceConfig> configured = ctx.config().workload().services();
        Map<String, software.amazon.awssdk.services.ecs.model.Service> found = new LinkedHashMap<>();
        Map<String, String> missing = new LinkedHashMap<>();
        Map<String, List<ServiceConfig>> byCluster = new LinkedHashMap<>();
        configured.forEach(s -> byCluster.computeIfAbsent(s.cluster(), c -> new ArrayList<>()).add(s));
        byCluster.forEach((cluster, services) -> {
            for (int from = 0; from < services.size(); from += PER_CALL) {
                List<String> names = services.subList(from, Math.min(services.size(), from + PER_CALL)).stream()
                        .map(ServiceConfig::ecsServiceName).toList();
                try {
                    DescribeServicesResponse response = ctx.calls().call(SECTION, ECS_DESCRIBE_SERVICES,
                            () -> ctx.aws().ecs().describeServices(r -> r.cluster(cluster).services(names)));
                    response.services().forEach(s -> found.put(cluster + "/" + s.serviceName(), s));
                    response.failures().forEach(f -> missing.put(cluster + "/" + f.arn().substring(f.arn().lastIndexOf('/') + 1),
                            f.reason()));
                } catch (ApiCalls.Failed e) {
                    ctx.calls().report(e.problem());
                }
            }
        });
        List<Service> result = new ArrayList<>();
        for (ServiceConfig config : configured) {
            String key = config.cluster() + "/" + config.ecsServiceName();
            var ecs = found.get(key);
            Targets targets = config.targetGroupArn() == null ? null : targets(ctx, config);
            if (ecs == null) {
                String reason = missing.get(key);
                if (reason != null) {
                    ctx.calls().report(new Problem(SECTION, ECS_DESCRIBE_SERVICES, "not-found", "ECS service " + key + ": " + reason));
                }
                result.add(new Service(config.name(), config.cluster(), config.ecsServiceName(), reason == null ? "unknown" : reason,
                        null, null, null, null, null, targets));
                continue;
            }
            Deployment primary = ecs.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst().orElse(null);
            result.add(new Service(config.name(), config.cluster(), config.ecsServiceName(), ecs.status(), ecs.desiredCount(),
                    ecs.runningCount(), ecs.pendingCount(), primary == null ? null : primary.rolloutStateAsString(),
                    primary == null ? null : primary.rolloutStateReason(), targets));
        }
        return result;
    }

    private static Targets targets(ReadContext ctx, ServiceConfig config) {
        try {
            List<TargetHealthDescription> health = ctx.calls().call(SECTION, ELB_DESCRIBE_TARGET_HEALTH,
                    () -> ctx.aws().elb().describeTargetHealth(r -> r.targetGroupArn(config.targetGroupArn()))).targetHealthDescriptions();
            int healthy = 0;
            int unhealthy = 0;
            int other = 0;
            for (TargetHealthDescription t : health) {
                switch (t.targetHealth().stateAsString()) {
                    case "healthy" -> healthy++;
                    case "unhealthy" -> unhealthy++;
                    default -> other++;
                }
            }
            return new Targets(healthy, unhealthy, other);
        } catch (ApiCalls.Failed e) {
            ctx.calls().report(e.problem());
            return null;
        }
    }
}
