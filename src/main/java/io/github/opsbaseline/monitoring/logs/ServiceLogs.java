package io.github.opsbaseline.monitoring.logs;

import io.github.opsbaseline.monitoring.MonitoringKey;
import io.github.opsbaseline.monitoring.alarm.AlarmFactory;
import io.github.opsbaseline.monitoring.alarm.BaselineAlarm;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.logs.CfnLogGroup;
import software.amazon.awscdk.services.logs.CfnMetricFilter;
import software.constructs.Construct;

/**
 * A service's log group (retention, KMS, removal policy) or an existing one, with metric filters
 * over the structured JSON log (errors, slow requests, authentication failures, payment errors,
 * database errors) and a warning and critical alarm on each.
 */
public class ServiceLogs extends Construct {

    private final String logGroupName;
    private final String metricNamespace;
    private final List<BaselineAlarm> alarms;

    public ServiceLogs(Construct scope, String id, ServiceLogsProps props) {
        super(scope, id);
        metricNamespace = props.metricNamespace();
        if (props.createLogGroup()) {
            String keyArn = props.encryptionKeyArn() != null ? props.encryptionKeyArn()
                    : props.encryptionKey() != null ? props.encryptionKey().getKeyArn()
                    : new MonitoringKey(this, "Key", props.options().names().name(props.resourceName(), "logs"),
                            props.removalPolicy()).key().getKeyArn();
            // L1: one call, and the retention is the config's integer without an enum lookup.
            CfnLogGroup group = CfnLogGroup.Builder.create(this, "LogGroup")
                    .logGroupName(props.logGroupName())
                    .retentionInDays(props.retentionDays())
                    .kmsKeyId(keyArn)
                    .build();
            group.applyRemovalPolicy(props.removalPolicy());

            logGroupName = group.getRef();
        } else {
            logGroupName = props.logGroupName();
        }
        for (LogSignals.LogFilter filter : LogSignals.filters(props.slowRequestSeconds())) {
            CfnMetricFilter.Builder.create(this, filter.signal())
                    .filterName(props.options().names().name(props.resourceName(), filter.signal()))
                    .logGroupName(logGroupName)
                    .filterPattern(filter.pattern())
                    .metricTransformations(List.of(CfnMetricFilter.MetricTransformationProperty.builder()
                            .metricNamespace(metricNamespace)
                            .metricName(LogSignals.metricName(props.resourceName(), filter.signal()))
                            .metricValue("1")
                            .unit("Count")
                            .build()))
                    .build();
        }
        alarms = new AlarmFactory(this, props.options()).create(props.resourceName(), Map.of(),
                LogSignals.signals(metricNamespace, props.resourceName()));
    }

    /** The group's name (a reference when this construct created it, so users depend on it). */
    public String logGroupName() {
        return logGroupName;
    }

    public String metricNamespace() {
        return metricNamespace;
    }

    public List<BaselineAlarm> alarms() {
        return alarms;
    }
}
