package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.AlertTopics;
import io.github.opsbaseline.alerting.IAlertTopics;
import software.amazon.awscdk.Stack;
import software.constructs.Construct;

/**
 * Watches the workload and owns the severity topics every stack of the environment publishes to.
 */
public class MonitoringStack extends Stack {

    private final AlertTopics alertTopics;

    public MonitoringStack(Construct scope, String id, MonitoringStackProps props) {
        super(scope, id, props.stack());
        alertTopics = new AlertTopics(this, "Alerts", props.alerting());
    }

    /** The severity topics, for the other stacks and for teams adding their own alarms. */
    public IAlertTopics alertTopics() {
        return alertTopics;
    }
}
