package io.github.opsbaseline.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.app.BaselineStacks;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;

class CostGuardsTest {

    private static final ResourceNames NAMES = new ResourceNames("shop", "prod");

    private static IAlertTopics topics(Stack stack) {
        return IAlertTopics.fromTopics(new Topic(stack, "C"), new Topic(stack, "W"), new Topic(stack, "I"));
    }

    @Test
    void theBudgetsNameAndIdChangeWithItsNotificationsOnly() {
        // CloudFormation replaces a budget whose notifications change, creating the new one first: the
        // same name would be refused by AWS Budgets, so name and logical id carry the notifications' digest
        String defaults = budgetName(2500, BudgetAlert.defaults(), null);
        assertThat(defaults).matches("shop-prod-monthly-[0-9a-f]{8}");
        // the same notifications, another limit: the same budget, updated in place
        assertThat(budgetName(9000, List.of(BudgetAlert.forecastAbove(80, Severity.WARNING),
                BudgetAlert.actualAbove(100, Severity.CRITICAL)), null)).isEqualTo(defaults);
        // another threshold, another topic, an alert less, or the critical alerts going to another topic: another
        for (String other : List.of(
                budgetName(2500, List.of(BudgetAlert.forecastAbove(80, Severity.WARNING),
                        BudgetAlert.actualAbove(90, Severity.CRITICAL)), null),
                budgetName(2500, List.of(BudgetAlert.forecastAbove(80, Severity.WARNING),
                        BudgetAlert.actualAbove(100, Severity.WARNING)), null),
                budgetName(2500, List.of(BudgetAlert.forecastAbove(80, Severity.WARNING)), null),
                budgetName(2500, BudgetAlert.defaults(), "arn:aws:sns:us-east-1:123456789012:team-critical"))) {
            assertThat(other).isNotEqualTo(defaults);
        }
    }

    /** The name of the budget built with these alerts; its logical id ends with the same digest. */
    private static String budgetName(double limitUsd, List<BudgetAlert> alerts, String criticalTopicArn) {
        Stack stack = new Stack(TestApps.app(), "Cost");
        IAlertTopics topics = criticalTopicArn == null ? topics(stack) : IAlertTopics.fromTopics(
                Topic.fromTopicArn(stack, "Team", criticalTopicArn), new Topic(stack, "W"), new Topic(stack, "I"));
        MonthlyBudget budget = new MonthlyBudget(stack, "Budget", new MonthlyBudget.Props(NAMES, limitUsd, null, alerts, topics));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) ((Map<String, Object>) Template.fromStack(stack)
                .findResources("AWS::Budgets::Budget").values().iterator().next().get("Properties")).get("Budget");
        String name = (String) data.get("BudgetName");
        assertThat(budget.budget().getNode().getId()).isEqualTo("Budget-" + name.substring(name.lastIndexOf('-') + 1));
        return name;
    }

    @Test
    void aMonthlyBudgetFilteredByProjectAlertsOnForecastAndActualSpend() {
        Stack stack = new Stack(TestApps.app(), "Cost");

        new MonthlyBudget(stack, "Budget", new MonthlyBudget.Props(NAMES, 2500, "shop", null, topics(stack)));

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::Budgets::Budget", Map.of(
                "Budget", Map.of(
                        "BudgetName", Match.stringLikeRegexp("^shop-prod-monthly-[0-9a-f]{8}$"),
                        "BudgetType", "COST",
                        "TimeUnit", "MONTHLY",
                        "BudgetLimit", Map.of("Amount", 2500, "Unit", "USD"),
                        "CostFilters", Map.of("TagKeyValue", List.of("user:project$shop"))),
                "NotificationsWithSubscribers", List.of(
                        Map.of("Notification", Map.of("NotificationType", "FORECASTED", "ComparisonOperator", "GREATER_THAN",
                                        "Threshold", 80, "ThresholdType", "PERCENTAGE"),
                                "Subscribers", List.of(Map.of("SubscriptionType", "SNS",
                                        "Address", Map.of("Ref", Match.stringLikeRegexp("^W.*"))))),
                        Map.of("Notification", Map.of("NotificationType", "ACTUAL", "ComparisonOperator", "GREATER_THAN",
                                        "Threshold", 100, "ThresholdType", "PERCENTAGE"),
                                "Subscribers", List.of(Map.of("SubscriptionType", "SNS",
                                        "Address", Map.of("Ref", Match.stringLikeRegexp("^C.*"))))))));
    }

    @Test
    void aBudgetWithoutProjectTagCountsTheWholeAccount() {
        Stack stack = new Stack(TestApps.app(), "Cost");

        new MonthlyBudget(stack, "Budget", new MonthlyBudget.Props(NAMES, 100, null,
                List.of(BudgetAlert.actualAbove(50, Severity.INFO)), topics(stack)));

        Template.fromStack(stack).hasResourceProperties("AWS::Budgets::Budget", Map.of(
                "Budget", Match.objectLike(Map.of("CostFilters", Match.absent())),
                "NotificationsWithSubscribers", List.of(Match.objectLike(Map.of("Notification",
                        Map.of("NotificationType", "ACTUAL", "ComparisonOperator", "GREATER_THAN",
                                "Threshold", 50, "ThresholdType", "PERCENTAGE"))))));
    }

    @Test
    void aBudgetMustHaveAPositiveLimit() {
        Stack stack = new Stack(TestApps.app(), "Cost");

        assertThatThrownBy(() -> new MonthlyBudget.Props(NAMES, 0, null, null, topics(stack)))
                .hasMessage("limitUsd must be positive, got 0.0");
    }

    @Test
    void spendAnomaliesOverEitherThresholdAlertImmediately() {
        Stack stack = new Stack(TestApps.app(), "Cost");

        new SpendAnomalyAlerts(stack, "Anomalies", new SpendAnomalyAlerts.Props(NAMES, topics(stack).warning(), null, 100.0, 12.5));

        Template template = Template.fromStack(stack);
        template.hasResourceProperties("AWS::CE::AnomalyMonitor", Map.of(
                "MonitorName", "shop-prod-spend-by-service", "MonitorType", "DIMENSIONAL", "MonitorDimension", "SERVICE"));
        template.hasResourceProperties("AWS::CE::AnomalySubscription", Map.of(
                "SubscriptionName", "shop-prod-spend-anomalies",
                "Frequency", "IMMEDIATE",
                "MonitorArnList", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AnomaliesMonitor.*"), "MonitorArn"))),
                "Subscribers", List.of(Map.of("Type", "SNS", "Address", Map.of("Ref", Match.stringLikeRegexp("^W.*")))),
                "ThresholdExpression", "{\"Or\":[{\"Dimensions\":{\"Key\":\"ANOMALY_TOTAL_IMPACT_ABSOLUTE\",\"MatchOptions\":"
                        + "[\"GREATER_THAN_OR_EQUAL\"],\"Values\":[\"100\"]}},{\"Dimensions\":{\"Key\":"
                        + "\"ANOMALY_TOTAL_IMPACT_PERCENTAGE\",\"MatchOptions\":[\"GREATER_THAN_OR_EQUAL\"],\"Values\":[\"12.5\"]}}]}"));
    }

    @Test
    void theMonitorAndSubscriptionKeepTagsThatNeverChangeSoNoTagEditReplacesThem() {
        // GIVEN the anomaly alerts in a stack carrying the environment's full tags, as BaselineStacks tags it
        Stack stack = new Stack(TestApps.app(), "Cost");
        new SpendAnomalyAlerts(stack, "Anomalies", new SpendAnomalyAlerts.Props(NAMES, topics(stack).warning(), null, null, null));
        io.github.opsbaseline.compliance.BaselineTags.apply(stack, Map.of("project", "shop", "environment", "prod",
                "managed-by", "ops-baseline", "compliance", "PCI_DSS", "owner", "platform-team"));

        // THEN the two Cost Explorer resources carry only project, environment and managed-by: a change
        // of owner or standards would otherwise replace the monitor, and AWS allows one per account
        Template template = Template.fromStack(stack);
        List<Map<String, String>> stable = List.of(Map.of("Key", "environment", "Value", "prod"),
                Map.of("Key", "managed-by", "Value", "ops-baseline"), Map.of("Key", "project", "Value", "shop"));
        template.hasResourceProperties("AWS::CE::AnomalyMonitor", Map.of("ResourceTags", stable));
        template.hasResourceProperties("AWS::CE::AnomalySubscription", Map.of("ResourceTags", stable));
        // AND every other resource still gets the full set
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("Tags", Match.arrayWith(List.of(
                Map.of("Key", "compliance", "Value", "PCI_DSS"), Map.of("Key", "owner", "Value", "platform-team")))));
    }

    @Test
    void anExistingMonitorIsReusedInsteadOfCreatingASecondOne() {
        Stack stack = new Stack(TestApps.app(), "Cost");
        String arn = "arn:aws:ce::777788889999:anomalymonitor/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

        new SpendAnomalyAlerts(stack, "Anomalies", new SpendAnomalyAlerts.Props(NAMES, topics(stack).warning(), arn, null, null));

        Template template = Template.fromStack(stack);
        template.resourceCountIs("AWS::CE::AnomalyMonitor", 0);
        template.hasResourceProperties("AWS::CE::AnomalySubscription", Map.of("MonitorArnList", List.of(arn)));
    }

    @Test
    void theCostStackOfAnEnvironmentLivesInUsEast1WithItsOwnTopics() {
        EnvironmentConfig prod = new ConfigLoader(ProjectPaths.stacksConfig()).load("prod");

        BaselineStacks stacks = BaselineStacks.create(TestApps.app(), prod);

        assertThat(stacks.cost().getRegion()).isEqualTo("us-east-1");
        assertThat(stacks.cost().getAccount()).isEqualTo("777788889999");
        Template template = Template.fromStack(stacks.cost());
        template.hasResourceProperties("AWS::SNS::Topic", Map.of("TopicName", "django-ms-prod-cost-alerts-warning"));
        template.hasResourceProperties("AWS::Budgets::Budget", Map.of("Budget", Match.objectLike(Map.of(
                "BudgetLimit", Map.of("Amount", 2500, "Unit", "USD")))));
        template.resourceCountIs("AWS::CE::AnomalySubscription", 1);
    }
}
