package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.core.ResourceNames;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.constructs.Construct;

/**
 * The one alarm factory of the security constructs: it owns naming
 * ({@code names.alarmName(resource, signal, severity)}), the comparison, missing-data handling and
 * the alarm and OK actions to the severity's topic. Constructs only pick data.
 */
public final class SecurityAlarms {

    private final ResourceNames names;
    private final IAlertTopics topics;

    public SecurityAlarms(ResourceNames names, IAlertTopics topics) {
        this.names = names;
        this.topics = topics;
    }

    /**
     * An alarm that fires when the metric reaches {@code threshold} within one period. Missing data
     * is not breaching: these metrics only exist when something bad was counted.
     *
     * @param description what it means and what to check first
     */
    public Alarm atLeast(Construct scope, String id, IMetric metric, double threshold, String resource,
                         String signal, Severity severity, String description) {
        Alarm alarm = Alarm.Builder.create(scope, id)
                .alarmName(names.alarmName(resource, signal, severity))
                .alarmDescription(description)
                .metric(metric)
                .threshold(threshold)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        SnsAction action = new SnsAction(topics.topic(severity));
        alarm.addAlarmAction(action);
        alarm.addOkAction(action);
        return alarm;
    }
}
