package io.github.opsbaseline.monitoring.loadbalancer;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.constructs.Construct;

/**
 * Alarms on the target group of one service: latency p99 and average, 5xx share, unhealthy
 * targets, no healthy target; anomaly bands on request count and latency (the seeds' "baseline
 * normal operation"); and the "service down" composite: unhealthy targets AND 5xx critical at once,
 * OR no healthy target (when every task is gone ECS deregisters the targets, so only the healthy
 * count shows it).
 */
public class TargetGroupAlarms extends Construct {

    private final List<BaselineAlarm> alarms;

    public TargetGroupAlarms(Construct scope, String id, TargetGroupAlarmsProps props) {
        super(scope, id);
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("LoadBalancer", props.loadBalancerFullName());
        dims.put("TargetGroup", props.targetGroupFullName());
        AlarmFactory factory = new AlarmFactory(this, props.options());
        List<BaselineAlarm> all = new ArrayList<>(factory.create(props.resourceName(), dims,
                LoadBalancerSignals.TARGET_GROUP));
        if (props.anomalyBandWidth() > 0) {
            all.addAll(factory.create(props.resourceName(), dims,
                    LoadBalancerSignals.anomalies(props.anomalyBandWidth())));
        }
        if (props.serviceDown()) {
            // Each branch stands alone: turning one signal off keeps the other.
            Optional<BaselineAlarm> unhealthy = find(all, "unhealthy-hosts");
            Optional<BaselineAlarm> errors = find(all, "5xx-rate");
            Optional<BaselineAlarm> noneHealthy = find(all, "healthy-hosts");
            List<BaselineAlarm> children = new ArrayList<>();
            List<String> branches = new ArrayList<>();
            if (unhealthy.isPresent() && errors.isPresent()) {
                List<BaselineAlarm> failing = List.of(unhealthy.get(), errors.get());
                children.addAll(failing);
                branches.add(AlarmFactory.allOrAny(failing, "AND"));
            }
            if (noneHealthy.isPresent()) {
                children.add(noneHealthy.get());
                branches.add(AlarmFactory.allOrAny(List.of(noneHealthy.get()), "OR"));
            }
            if (!branches.isEmpty()) {
                String rule = branches.size() == 1 ? branches.get(0)
                        : "(" + branches.get(0) + ") OR " + branches.get(1);
                all.add(factory.composite(props.resourceName(), "service-down", Severity.CRITICAL, rule, children,
                        "Targets fail health checks and the ones left answer with errors, or no target is healthy"
                                + " at all: the service is down for users.",
                        "ECS service events and stopped tasks, the service log group's last errors, and the"
                                + " database and cache alarms it depends on."));
            }
        }
        alarms = List.copyOf(all);
    }

    private static Optional<BaselineAlarm> find(List<BaselineAlarm> alarms, String signal) {
        return alarms.stream().filter(a -> a.signal().equals(signal) && a.severity() == Severity.CRITICAL).findFirst();
    }

    public List<BaselineAlarm> alarms() {
        return alarms;
    }
}
