package io.github.opsbaseline.monitoring.ecs;

import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * CPU, memory and running-below-desired alarms for one ECS service, warning and critical.
 *
 * <p>The running-tasks alarm reads Container Insights metrics: turn Container Insights on for the
 * cluster ({@code Cluster.Builder.containerInsightsV2(ContainerInsights.ENABLED)}); this construct
 * does not own the cluster and cannot. Without it the alarm stays INSUFFICIENT_DATA.
 */
public class EcsServiceAlarms extends Construct {

    private final List<BaselineAlarm> alarms;

    public EcsServiceAlarms(Construct scope, String id, EcsServiceAlarmsProps props) {
        super(scope, id);
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("ClusterName", props.clusterName());
        dims.put("ServiceName", props.serviceName());
        alarms = new AlarmFactory(this, props.options()).create(props.resourceName(), dims, EcsServiceSignals.ALL);
    }

    /** The alarms created, warning before critical per signal. */
    public List<BaselineAlarm> alarms() {
        return alarms;
    }
}
