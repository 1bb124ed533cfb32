package io.github.opsbaseline.cost;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.core.Digests;
import io.github.opsbaseline.core.ResourceNames;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.constructs.Construct;

/** A monthly AWS cost budget whose forecast and actual thresholds alert the severity topics. */
public class MonthlyBudget extends Construct {

    /**
     * Props of {@link MonthlyBudget}.
     *
     * @param names naming scheme; the budget is named {@code <project>-<env>-monthly-<digest>}, the
     *     digest that of its notifications ({@link #digest}); required
     * @param limitUsd the monthly limit in USD; required
     * @param projectTag count only costs with the cost allocation tag {@code project} equal to
     *     this value; default none (the whole account's costs)
     * @param alerts the notifications; default {@link BudgetAlert#defaults()}
     * @param alertTopics the topics notifications go to; required
     */
    public record Props(ResourceNames names, double limitUsd, String projectTag, List<BudgetAlert> alerts,
                        IAlertTopics alertTopics) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            alerts = alerts == null ? BudgetAlert.defaults() : List.copyOf(alerts);
            if (limitUsd <= 0) {
                throw new IllegalArgumentException("limitUsd must be positive, got " + limitUsd);
            }
        }
    }

    private final CfnBudget budget;

    public MonthlyBudget(Construct scope, String id, Props props) {
        super(scope, id);
        String digest = digest(this, props.alerts(), props.alertTopics());
        CfnBudget.BudgetDataProperty.Builder data = CfnBudget.BudgetDataProperty.builder()
                .budgetName(props.names().name("monthly", digest))
                .budgetType("COST")
                .timeUnit("MONTHLY")
                .budgetLimit(CfnBudget.SpendProperty.builder().amount(props.limitUsd()).unit("USD").build());
        if (props.projectTag() != null) {
            // Cost allocation tags are addressed as "user:<key>$<value>".
            data.costFilters(Map.of("TagKeyValue", List.of("user:project$" + props.projectTag())));
        }
        List<CfnBudget.NotificationWithSubscribersProperty> notifications = new ArrayList<>();
        for (BudgetAlert alert : props.alerts()) {
            notifications.add(CfnBudget.NotificationWithSubscribersProperty.builder()
                    .notification(CfnBudget.NotificationProperty.builder()
                            .notificationType(alert.forecast() ? "FORECASTED" : "ACTUAL")
                            .comparisonOperator("GREATER_THAN")
                            .threshold(alert.percent())
                            .thresholdType("PERCENTAGE")
                            .build())
                    .subscribers(List.of(CfnBudget.SubscriberProperty.builder()
                            .subscriptionType("SNS")
                            .address(props.alertTopics().topic(alert.severity()).getTopicArn())
                            .build()))
                    .build());
        }
        // The digest in the logical id too: a budget of other notifications is always created beside the
        // old one and the old one deleted, whatever CloudFormation makes of a new BudgetName alone.
        budget = CfnBudget.Builder.create(this, "Budget-" + digest)
                .budget(data.build())
                .notificationsWithSubscribers(notifications)
                .build();
    }

    /**
     * The first 8 hex digits of a SHA-256 of the budget's notifications (type, threshold, severity and
     * the topic each goes to, as the template names it), in its name and logical id: CloudFormation
     * changes a budget's notifications by replacement, creating the new budget before deleting the old,
     * and AWS Budgets refuses a second budget of the same name; so a change of them (a threshold, an
     * alert added, another topic) makes a budget of another name and deletes the old one.
     */
    static String digest(Construct scope, List<BudgetAlert> alerts, IAlertTopics topics) {
        StringBuilder canonical = new StringBuilder();
        for (BudgetAlert alert : alerts) {
            canonical.append(alert.forecast() ? "FORECASTED" : "ACTUAL").append(' ')
                    .append(BigDecimal.valueOf(alert.percent()).stripTrailingZeros().toPlainString()).append(' ')
                    .append(alert.severity().id()).append(' ')
                    .append(Digests.resolvedJson(scope, topics.topic(alert.severity()).getTopicArn())).append('\n');
        }
        return Digests.shortHex(canonical.toString());
    }

    public CfnBudget budget() {
        return budget;
    }
}
