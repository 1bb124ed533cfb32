package io.github.opsbaseline.cost;

import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import software.amazon.awscdk.services.ce.CfnAnomalyMonitor;
import software.amazon.awscdk.services.ce.CfnAnomalySubscription;
import software.amazon.awscdk.services.sns.ITopic;
import software.constructs.Construct;

/**
 * AWS Cost Anomaly Detection: a monitor of spend per AWS service and an immediate alert when an
 * anomaly's total impact passes an absolute amount or a percentage of expected spend. Cost Explorer
 * is a global service served from us-east-1: the stack holding this must deploy there.
 */
public class SpendAnomalyAlerts extends Construct {

    /**
     * Props of {@link SpendAnomalyAlerts}.
     *
     * @param names naming scheme; monitor and subscription are named {@code <project>-<env>-spend-...}; required
     * @param topic the topic anomalies go to (the seeds route cost to warning); required
     * @param existingMonitorArn an existing monitor to subscribe to instead of creating one (AWS
     *     allows one service monitor per account); default none
     * @param absoluteUsd total impact in USD that alerts; default 100
     * @param percent total impact in percent of expected spend that alerts; default 20
     */
    public record Props(ResourceNames names, ITopic topic, String existingMonitorArn, Double absoluteUsd, Double percent) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(topic, "topic");
            absoluteUsd = absoluteUsd == null ? 100.0 : absoluteUsd;
            percent = percent == null ? 20.0 : percent;
        }
    }

    private final String monitorArn;

    public SpendAnomalyAlerts(Construct scope, String id, Props props) {
        super(scope, id);
        if (props.existingMonitorArn() != null) {
            monitorArn = props.existingMonitorArn();
        } else {
            monitorArn = CfnAnomalyMonitor.Builder.create(this, "Monitor")
                    .monitorName(props.names().name("spend-by-service"))
                    .monitorType("DIMENSIONAL")
                    .monitorDimension("SERVICE")
                    // Stable tags only: a tag change replaces the monitor, and AWS allows one service
                    // monitor per account, so the replacement would fail (BaselineTags skips this type).
                    .resourceTags(stableTags(props.names()).entrySet().stream()
                            .map(t -> CfnAnomalyMonitor.ResourceTagProperty.builder()
                                    .key(t.getKey()).value(t.getValue()).build()).toList())
                    .build()
                    .getAttrMonitorArn();
        }
        CfnAnomalySubscription.Builder.create(this, "Subscription")
                .subscriptionName(props.names().name("spend-anomalies"))
                .frequency("IMMEDIATE") // SNS subscribers require immediate alerts
                .monitorArnList(List.of(monitorArn))
                .subscribers(List.of(CfnAnomalySubscription.SubscriberProperty.builder()
                        .type("SNS").address(props.topic().getTopicArn()).build()))
                .thresholdExpression(thresholdExpression(props.absoluteUsd(), props.percent()))
                // as the monitor's: its tags, too, change only by replacement
                .resourceTags(stableTags(props.names()).entrySet().stream()
                        .map(t -> CfnAnomalySubscription.ResourceTagProperty.builder()
                                .key(t.getKey()).value(t.getValue()).build()).toList())
                .build();
    }

    private static java.util.Map<String, String> stableTags(ResourceNames names) {
        return BaselineTags.stable(names.project(), names.environment());
    }

    /**
     * The Cost Explorer expression "absolute impact ≥ X or percentage impact ≥ Y", written by hand so
     * its text (and so the template) never depends on map ordering.
     */
    static String thresholdExpression(double absoluteUsd, double percent) {
        return "{\"Or\":[" + dimension("ANOMALY_TOTAL_IMPACT_ABSOLUTE", absoluteUsd) + ","
                + dimension("ANOMALY_TOTAL_IMPACT_PERCENTAGE", percent) + "]}";
    }

    private static String dimension(String key, double value) {
        String number = value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
        return "{\"Dimensions\":{\"Key\":\"" + key + "\",\"MatchOptions\":[\"GREATER_THAN_OR_EQUAL\"],\"Values\":[\"" + number + "\"]}}";
    }

    /** The monitor the subscription listens to. */
    public String monitorArn() {
        return monitorArn;
    }
}
