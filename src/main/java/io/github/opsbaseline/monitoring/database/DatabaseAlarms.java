package io.github.opsbaseline.monitoring.database;

import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * Alarms on an RDS instance or Aurora cluster (see {@link DatabaseSignals} for which apply) and
 * the "database degraded" composite: any critical performance alarm of the database, one tile on
 * the dashboard and one rule to route.
 */
public class DatabaseAlarms extends Construct {

    /** Signals whose critical alarm counts as "degraded". */

    private final List<BaselineAlarm> alarms;

    public DatabaseAlarms(Construct scope, String id, DatabaseAlarmsProps props) {
        super(scope, id);
        Map<String, String> dims = new LinkedHashMap<>();
        dims.put(props.facts().cluster() ? "DBClusterIdentifier" : "DBInstanceIdentifier", props.identifier());
        AlarmFactory factory = new AlarmFactory(this, props.options());
        List<SignalDefinition> signals = DatabaseSignals.forDatabase(props.facts());
        List<BaselineAlarm> all = new ArrayList<>();
        if (props.facts().cluster()) {
            // Instance metrics of the writer (AWS's advice for Aurora alarms), cluster metrics of the cluster.
            Map<String, String> writer = new LinkedHashMap<>(dims);
            writer.put("Role", "WRITER");
            all.addAll(factory.create(props.resourceName(), writer,
                    signals.stream().filter(s -> !DatabaseSignals.clusterLevel(s.id())).toList()));
            all.addAll(factory.create(props.resourceName(), dims,
                    signals.stream().filter(s -> DatabaseSignals.clusterLevel(s.id())).toList()));
        } else {
            all.addAll(factory.create(props.resourceName(), dims, signals));
        }
        if (props.degraded()) {
            List<BaselineAlarm> children = all.stream()
                    .filter(a -> a.severity() == Severity.CRITICAL && DatabaseSignals.degrading(a.signal())).toList();
            if (!children.isEmpty()) {
                all.add(factory.composite(props.resourceName(), "degraded", Severity.CRITICAL,
                        AlarmFactory.allOrAny(children, "OR"), children,
                        "The database is degraded: CPU, memory, connections, storage or I/O latency is critical.",
                        "Which child alarm is in ALARM, Performance Insights top SQL, the database-errors saved"
                                + " query."));
            }
        }
        alarms = List.copyOf(all);
    }

    public List<BaselineAlarm> alarms() {
        return alarms;
    }
}
