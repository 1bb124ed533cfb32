package io.github.opsbaseline.alerting;

import java.util.Locale;

/** How urgently a signal needs a human; each severity has its own topic and its own routing. */
public enum Severity {
    /** A failure or breach now: pages someone (seed routing: email, Slack, SMS, PagerDuty). */
    CRITICAL,
    /** Degradation or a limit coming close: someone looks today (email, Slack). */
    WARNING,
    /** Normal operational events worth a glance (Slack). */
    INFO;

    /** The lower-case name used in resource names and the environment file. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
