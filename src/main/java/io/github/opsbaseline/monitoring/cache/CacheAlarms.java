package io.github.opsbaseline.monitoring.cache;

import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Alarms on each node of an ElastiCache Redis / Valkey replication group (cluster mode disabled):
 * engine CPU, memory, evictions, connections, hit rate, and replication lag when there are replicas.
 * ElastiCache publishes these per node ({@code CacheClusterId}), so each node gets its alarms,
 * named {@code <resource>-<nnn>-<signal>-<severity>}.
 */
public class CacheAlarms extends Construct {

    private final List<BaselineAlarm> alarms;

    public CacheAlarms(Construct scope, String id, CacheAlarmsProps props) {
        super(scope, id);
        List<BaselineAlarm> all = new ArrayList<>();
        for (int n = 1; n <= props.nodes(); n++) {
            String node = String.format("%03d", n);
            Map<String, String> dims = new LinkedHashMap<>();
            dims.put("CacheClusterId", props.replicationGroupId() + "-" + node);
            Construct scopeOfNode = new Construct(this, node);
            all.addAll(new AlarmFactory(scopeOfNode, props.options()).create(props.resourceName() + "-" + node, dims,
                    CacheSignals.forNode(props.nodes() > 1)));
        }
        alarms = List.copyOf(all);
    }

    public List<BaselineAlarm> alarms() {
        return alarms;
    }
}
