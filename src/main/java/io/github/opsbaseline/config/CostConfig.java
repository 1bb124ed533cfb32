package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;
import static io.github.opsbaseline.config.JsonPaths.index;

import io.github.opsbaseline.alerting.Severity;
import java.util.List;

/**
 * Cost guards (a monthly budget, spend-anomaly alerts) and the usage assumed by the offline estimate
 * of what the baseline itself costs.
 *
 * @param monthlyBudgetUsd the monthly cost budget in USD; default none (no budget is created)
 * @param filterByProjectTag count only costs tagged {@code project=<project>} (the tag must be
 *     activated as a cost allocation tag); default true
 * @param budgetAlerts when the budget notifies whom; default forecast 80% to warning, actual 100% to critical
 * @param anomaly spend-anomaly detection; default on, $100 or 20% impact
 * @param assumptions usage the offline estimate prices; default a small web workload (see Assumptions)
 */
public record CostConfig(Double monthlyBudgetUsd, Boolean filterByProjectTag, List<BudgetAlert> budgetAlerts,
                         Anomaly anomaly, Assumptions assumptions) {

    /** Forecast at 80% to warning, actual at 100% to critical. */
    static final List<BudgetAlert> DEFAULT_BUDGET_ALERTS = List.of(
            new BudgetAlert(BudgetAlert.Kind.FORECASTED, 80.0, Severity.WARNING),
            new BudgetAlert(BudgetAlert.Kind.ACTUAL, 100.0, Severity.CRITICAL));

    public CostConfig {
        filterByProjectTag = filterByProjectTag == null || filterByProjectTag;
        budgetAlerts = budgetAlerts == null ? DEFAULT_BUDGET_ALERTS : List.copyOf(budgetAlerts);
        anomaly = anomaly == null ? new Anomaly(null, null, null, null) : anomaly;
        assumptions = assumptions == null ? Assumptions.defaults() : assumptions;
    }

    public static CostConfig defaults() {
        return new CostConfig(null, null, null, null, null);
    }

    void validate(ConfigProblems problems, String path, EnvironmentConfig env) {
        problems.inRange(field(path, "monthlyBudgetUsd"), monthlyBudgetUsd, 1, 1_000_000_000);
        if (monthlyBudgetUsd == null && !budgetAlerts.isEmpty() && !budgetAlerts.equals(DEFAULT_BUDGET_ALERTS)) {
            // alerts of their own without a budget would be dropped: no budget is created to notify on
            problems.add(field(path, "budgetAlerts"), "expected " + field(path, "monthlyBudgetUsd")
                    + " beside budget alerts (they notify on that budget, and none is created without it), found no budget");
        }
        for (int i = 0; i < budgetAlerts.size(); i++) {
            String p = index(field(path, "budgetAlerts"), i);
            BudgetAlert alert = budgetAlerts.get(i);
            if (problems.require(field(p, "kind"), alert.kind()) & problems.require(field(p, "percent"), alert.percent())
                    & problems.require(field(p, "severity"), alert.severity())) {
                problems.inRange(field(p, "percent"), alert.percent(), 1, 1000);
            }
        }
        // AWS Budgets keeps one notification per kind and threshold: a second alike is refused at deploy.
        java.util.Map<String, String> first = new java.util.HashMap<>();
        for (int i = 0; i < budgetAlerts.size(); i++) {
            BudgetAlert alert = budgetAlerts.get(i);
            if (alert.kind() == null || alert.percent() == null) {
                continue;
            }
            String p = index(field(path, "budgetAlerts"), i);
            String earlier = first.putIfAbsent(alert.kind() + " " + alert.percent(), p);
            if (earlier != null) {
                problems.add(p, "expected one notification per kind and percent, found " + alert.kind() + " at "
                        + io.github.opsbaseline.core.Numbers.plain(alert.percent()) + "% again (first at " + earlier + ")");
            }
        }
        if (budgetAlerts.size() > 5) {
            problems.add(field(path, "budgetAlerts"), "expected at most 5 notifications per budget (an AWS Budgets limit), found "
                    + budgetAlerts.size());
        }
        anomaly.validate(problems, field(path, "anomaly"));
        assumptions.validate(problems, field(path, "assumptions"));
    }

    /**
     * One budget notification.
     *
     * @param kind {@code ACTUAL} spend or {@code FORECASTED} spend
     * @param percent percentage of the budget that triggers it
     * @param severity the alert topic it goes to
     */
    public record BudgetAlert(Kind kind, Double percent, Severity severity) {
        /** What the percentage is compared with. */
        public enum Kind { ACTUAL, FORECASTED }
    }

    /**
     * Cost Anomaly Detection: a monitor of spend per AWS service and an immediate alert to the
     * warning topic when an anomaly's impact passes either threshold.
     *
     * @param enabled whether to create the monitor and subscription; default true
     * @param existingMonitorArn use this monitor instead of creating one (AWS allows one
     *     service monitor per account); default none
     * @param absoluteUsd total impact in USD that alerts; default 100
     * @param percent total impact as a percentage of expected spend that alerts; default 20
     */
    public record Anomaly(Boolean enabled, String existingMonitorArn, Double absoluteUsd, Double percent) {
        public Anomaly {
            enabled = enabled == null || enabled;
            absoluteUsd = absoluteUsd == null ? 100.0 : absoluteUsd;
            percent = percent == null ? 20.0 : percent;
        }

        void validate(ConfigProblems problems, String path) {
            problems.matches(field(path, "existingMonitorArn"), existingMonitorArn,
                    Patterns.ANOMALY_MONITOR_ARN,
                    "an anomaly monitor ARN (arn:aws:ce::<account>:anomalymonitor/<uuid>)");
            problems.inRange(field(path, "absoluteUsd"), absoluteUsd, 1, 1_000_000);
            problems.inRange(field(path, "percent"), percent, 1, 1000);
        }
    }

    /**
     * Usage the offline estimate assumes, per month. Every priced line shows the assumption it used.
     *
     * @param logGbPerLogGroup GB ingested per log group per month; default 1
     * @param requestsMillions web requests through the firewall per month, in millions; default 10
     * @param managementEventsMillions CloudTrail management events per month, in millions; default 1
     * @param dataEventsMillions CloudTrail S3/Lambda data events per month, in millions; default 1
     * @param flowLogGb VPC flow log and DNS log volume per month in GB (GuardDuty analysis); default 5
     * @param fargateVcpus average vCPUs of Fargate tasks under GuardDuty runtime monitoring; default 2.5
     * @param configItems AWS Config configuration items recorded per month; default 2000
     * @param configEvaluationsPerRule AWS Config rule evaluations per rule per month; default 300
     * @param securityHubChecks Security Hub security checks per month; default 10000
     * @param kmsRequestsPerKey KMS requests per key per month; default 10000
     * @param notifications alert notifications sent per month (SNS deliveries); default 300
     * @param smsNotifications of which SMS messages; default 20
     * @param backupGb data protected by AWS Backup, GB (warm storage); default 20
     * @param s3GbPerBucket GB stored per S3 bucket the baseline creates; default 1
     * @param lambdaInvocations invocations per function per month; default 730 (hourly)
     * @param rdsVcpus vCPUs of the databases under GuardDuty RDS protection; default 2
     * @param lambdaNetworkGb Lambda network activity analyzed by GuardDuty, GB per month; default 0.1
     * @param protectedResources resources evaluated by each Backup Audit Manager control; default 3
     */
    public record Assumptions(
            Double logGbPerLogGroup,
            Double requestsMillions,
            Double managementEventsMillions,
            Double dataEventsMillions,
            Double flowLogGb,
            Double fargateVcpus,
            Double configItems,
            Double configEvaluationsPerRule,
            Double securityHubChecks,
            Double kmsRequestsPerKey,
            Double notifications,
            Double smsNotifications,
            Double backupGb,
            Double s3GbPerBucket,
            Double lambdaInvocations,
            Double rdsVcpus,
            Double lambdaNetworkGb,
            Double protectedResources) {

        public Assumptions {
            logGbPerLogGroup = or(logGbPerLogGroup, 1);
            requestsMillions = or(requestsMillions, 10);
            managementEventsMillions = or(managementEventsMillions, 1);
            dataEventsMillions = or(dataEventsMillions, 1);
            flowLogGb = or(flowLogGb, 5);
            fargateVcpus = or(fargateVcpus, 2.5);
            configItems = or(configItems, 2000);
            configEvaluationsPerRule = or(configEvaluationsPerRule, 300);
            securityHubChecks = or(securityHubChecks, 10_000);
            kmsRequestsPerKey = or(kmsRequestsPerKey, 10_000);
            notifications = or(notifications, 300);
            smsNotifications = or(smsNotifications, 20);
            backupGb = or(backupGb, 20);
            s3GbPerBucket = or(s3GbPerBucket, 1);
            lambdaInvocations = or(lambdaInvocations, 730);
            rdsVcpus = or(rdsVcpus, 2);
            lambdaNetworkGb = or(lambdaNetworkGb, 0.1);
            protectedResources = or(protectedResources, 3);
        }

        public static Assumptions defaults() {
            return new Assumptions(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null);
        }

        private static Double or(Double value, double fallback) {
            return value == null ? fallback : value;
        }

        void validate(ConfigProblems problems, String path) {
            for (java.lang.reflect.RecordComponent c : Assumptions.class.getRecordComponents()) {
                try {
                    Double value = (Double) c.getAccessor().invoke(this);
                    problems.inRange(field(path, c.getName()), value, 0, 1e12);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
