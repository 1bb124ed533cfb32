package io.github.opsbaseline.cost;

import io.github.opsbaseline.alerting.Severity;

/**
 * A budget notification: when actual or forecast spend passes a percentage of the budget, tell the
 * topic of a severity.
 *
 * @param forecast true to compare the month's forecast, false for actual spend so far
 * @param percent the percentage of the budget
 * @param severity the alert topic that hears about it
 */
public record BudgetAlert(boolean forecast, double percent, Severity severity) {

    /** The seed's pair: forecast over 80% is a warning, actual over 100% is critical. */
    public static java.util.List<BudgetAlert> defaults() {
        return java.util.List.of(forecastAbove(80, Severity.WARNING), actualAbove(100, Severity.CRITICAL));
    }

    public static BudgetAlert forecastAbove(double percent, Severity severity) {
        return new BudgetAlert(true, percent, severity);
    }

    public static BudgetAlert actualAbove(double percent, Severity severity) {
        return new BudgetAlert(false, percent, severity);
    }
}
