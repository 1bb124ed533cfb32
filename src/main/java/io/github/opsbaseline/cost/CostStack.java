package io.github.opsbaseline.cost;

import io.github.opsbaseline.alerting.AlertTopics;
import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * The cost guards of one environment: a monthly budget and spend-anomaly alerts, in us-east-1
 * where Cost Explorer lives, with their own alert topics routed like the monitoring stack's.
 */
public class CostStack extends Stack {

    private final AlertTopics alertTopics;

    public CostStack(Construct scope, String id, CostStackProps props) {
        super(scope, id, props.stack());
        alertTopics = new AlertTopics(this, "Alerts", props.alerting());
        if (props.budget() != null) {
            new MonthlyBudget(this, "MonthlyBudget", new MonthlyBudget.Props(props.alerting().names(),
                    props.budget().limitUsd(), props.budget().projectTag(), props.budget().alerts(), alertTopics));
        }
        if (props.anomaly() != null) {
            new SpendAnomalyAlerts(this, "SpendAnomalies", new SpendAnomalyAlerts.Props(props.alerting().names(),
                    alertTopics.topic(Severity.WARNING), props.anomaly().existingMonitorArn(),
                    props.anomaly().absoluteUsd(), props.anomaly().percent()));
        }
    }

    public IAlertTopics alertTopics() {
        return alertTopics;
    }
}
