package io.github.opsbaseline.monitoring.alarm;

import io.github.opsbaseline.alerting.Severity;
import software.amazon.awscdk.CfnResource;

/**
 * An alarm the baseline created: its physical name, what it watches, and the CloudFormation
 * resource (a {@code CfnAlarm} or {@code CfnCompositeAlarm}) for references and dependencies.
 *
 * @param name the alarm name, {@code <project>-<env>-<resource>-<signal>-<severity>}
 * @param resource the watched resource's short name, e.g. {@code api-gateway}
 * @param signal the signal id, e.g. {@code cpu}
 * @param severity the tier, which decides the topic of its actions
 * @param kind what kind of alarm this is
 * @param cfn the CloudFormation resource
 */
public record BaselineAlarm(String name, String resource, String signal, Severity severity, Kind kind,
                            CfnResource cfn) {

    /** Standard metric alarm, anomaly-band alarm or composite alarm (each priced differently). */
    public enum Kind { METRIC, ANOMALY, COMPOSITE }

    /** {@code <resource>-<signal>-<severity>}: the name without the project and environment prefix. */
    public String shortName() {
        return resource + "-" + signal + "-" + severity.id();
    }
}
