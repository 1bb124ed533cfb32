package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.logs.FilterPattern;
import software.amazon.awscdk.services.logs.ILogGroup;
import software.amazon.awscdk.services.logs.MetricFilter;
import software.constructs.Construct;

/**
 * One metric filter and one alarm per {@link CisControl} on the trail's log group: all 14 Security
 * Hub CloudWatch controls and CIS 4.15, from one table. Each alarm fires on the first matching event
 * and notifies (and clears) through the topic of the control's severity.
 */
public class CisAlarms extends Construct {

    /**
     * Props of {@link CisAlarms}.
     *
     * @param names naming scheme; required
     * @param alertTopics the severity topics; required
     * @param trailLogGroup the log group a multi-region trail of this account delivers to; required
     * @param controls the controls to create; default all of {@link CisControl}
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, ILogGroup trailLogGroup,
                        List<CisControl> controls) {
        public Props {
            java.util.Objects.requireNonNull(names, "names");
            java.util.Objects.requireNonNull(alertTopics, "alertTopics");
            java.util.Objects.requireNonNull(trailLogGroup, "trailLogGroup");
            controls = controls == null ? List.of(CisControl.values()) : List.copyOf(controls);
        }
    }

    public CisAlarms(Construct scope, String id, Props props) {
        super(scope, id);
        SecurityAlarms alarms = new SecurityAlarms(props.names(), props.alertTopics());
        for (CisControl control : props.controls()) {
            MetricFilter.Builder.create(this, control.metricName() + "Filter")
                    .logGroup(props.trailLogGroup())
                    .filterName(props.names().name("cis", control.signal()))
                    .filterPattern(FilterPattern.literal(control.filterPattern()))
                    .metricNamespace(CisControl.NAMESPACE)
                    .metricName(control.metricName())
                    .metricValue("1")
                    .build();
            Metric metric = Metric.Builder.create().namespace(CisControl.NAMESPACE).metricName(control.metricName())
                    .statistic("Sum").period(Duration.minutes(5)).build();
            alarms.atLeast(this, control.metricName() + "Alarm", metric, 1, "cis", control.signal(),
                    control.severity(), "[" + control.securityHubControl() + " / CIS " + control.cisRecommendation()
                            + "] " + control.description());
        }
    }
}
