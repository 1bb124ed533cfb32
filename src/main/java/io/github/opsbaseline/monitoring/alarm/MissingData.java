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
    MISSING("missing");

    private final String cfn;

    MissingData(String cfn) {
        this.cfn = cfn;
    }

    public String cfn() {
        return cfn;
    }
}
