package io.github.opsbaseline.monitoring.alarm;

/** How an alarm treats periods without data; chosen per signal, never left to the default. */
public enum MissingData {
    /** No data is bad news (a canary that stopped running). */
    BREACHING("breaching"),
    /** No data is good news (no requests, so no errors; no log lines matched). */
    NOT_BREACHING("notBreaching"),
    /** Keep the last state (a short gap in a steady metric). */
    IGNORE("ignore"),
    /** Show INSUFFICIENT_DATA so someone notices the metric is not published at all. */
    MISSING("missing"),
    /**
     * As {@link #MISSING}, and the signal's lowest-severity alarm tells the warning topic when it
     * goes INSUFFICIENT_DATA: a metric that stops (a canary that no longer runs) is reported,
     * while a brand-new one, which starts in that state, pages no one (BREACHING would, at once).
     */
    MISSING_REPORTED("missing");

    private final String cfn;

    MissingData(String cfn) {
        this.cfn = cfn;
    }

    public String cfn() {
        return cfn;
    }

    /** Whether an alarm going INSUFFICIENT_DATA notifies the warning topic. */
    public boolean reportsSilence() {
        return this == MISSING_REPORTED;
    }
}
