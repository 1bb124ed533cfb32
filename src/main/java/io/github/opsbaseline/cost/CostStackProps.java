package io.github.opsbaseline.cost;

import io.github.opsbaseline.alerting.AlertTopics;
import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.CostConfig;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link CostStack}.
 *
 * @param stack the stack's own props; its region must be us-east-1 (Cost Explorer); required
 * @param alerting the stack's own alert topics (cost alerts cannot cross regions to the monitoring
 *     stack's topics); required
 * @param budget the monthly budget; default none
 * @param anomaly spend-anomaly alerts; default none
 */
public record CostStackProps(StackProps stack, AlertTopicsProps alerting, BudgetSettings budget, AnomalySettings anomaly) {

    /** The budget part: limit, tag filter, notifications. */
    public record BudgetSettings(double limitUsd, String projectTag, java.util.List<BudgetAlert> alerts) { }

    /** The anomaly part: an existing monitor or a new one, and the thresholds. */
    public record AnomalySettings(String existingMonitorArn, double absoluteUsd, double percent) { }

    public CostStackProps {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(alerting, "alerting");
    }

    /** The region Cost Explorer (and so anomaly detection) is served from. */
    public static final String COST_REGION = "us-east-1";

    /** The name part of the cost stack's alert topics, key alias and Slack configurations. */
    public static final String TOPICS_PURPOSE = "cost-alerts";

    /**
     * The ARNs of the cost stack's topics by severity, which another stack may name before they exist:
     * the monitoring stack's Slack configurations carry them ({@link AlertTopicsProps#withSlackAlsoCarries}),
     * because these topics get none of their own. An environment without an account uses the
     * deploying account's.
     */
    public static Map<Severity, String> topicArns(EnvironmentConfig config) {
        String account = config.account() != null ? config.account() : Aws.ACCOUNT_ID;
        Map<Severity, String> arns = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            arns.put(severity, "arn:" + Aws.PARTITION + ":sns:" + COST_REGION + ":" + account + ":"
                    + AlertTopics.topicName(config.names(), TOPICS_PURPOSE, severity));
        }
        return arns;
    }

    /**
     * Maps an environment file to props. The topics get no Slack configuration (Chatbot allows one
     * per channel per account): give the monitoring stack's alert topics {@link #topicArns} with
     * {@link AlertTopicsProps#withSlackAlsoCarries}, and deploy this stack first, as
     * {@code BaselineStacks} does.
     */
    public static CostStackProps fromConfig(EnvironmentConfig config, StackProps stack) {
        // The monitoring stack's Slack configurations carry these topics too (BaselineStacks): Chatbot
        // allows one configuration per Slack channel per account.
        AlertTopicsProps alerting = config.alerting().topicsProps(config.names(), config.removalPolicy().toCdk(),
                TOPICS_PURPOSE).slack(false).build();
        CostConfig cost = config.cost();
        BudgetSettings budget = cost.monthlyBudgetUsd() == null ? null
                : new BudgetSettings(cost.monthlyBudgetUsd(), cost.filterByProjectTag() ? config.project() : null,
                        cost.budgetAlerts().stream().map(a -> new BudgetAlert(
                                a.kind() == CostConfig.BudgetAlert.Kind.FORECASTED, a.percent(), a.severity())).toList());
        AnomalySettings anomaly = !cost.anomaly().enabled() ? null
                : new AnomalySettings(cost.anomaly().existingMonitorArn(), cost.anomaly().absoluteUsd(), cost.anomaly().percent());
        return new CostStackProps(stack, alerting, budget, anomaly);
    }
}
