package io.github.opsbaseline.monitoring.loadbalancer;

import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Alarms on an application load balancer as a whole: p99 and average latency, target and
 * load-balancer 5xx shares of requests, rejected connections.
 */
public class LoadBalancerAlarms extends Construct {

    private final List<BaselineAlarm> alarms;

    public LoadBalancerAlarms(Construct scope, String id, LoadBalancerAlarmsProps props) {
        super(scope, id);
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put("LoadBalancer", props.loadBalancerFullName());
        alarms = new AlarmFactory(this, props.options())
                .create(props.resourceName(), dims, LoadBalancerSignals.LOAD_BALANCER);
    }

    public List<BaselineAlarm> alarms() {
        return alarms;
    }
}
