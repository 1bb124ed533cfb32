package io.github.opsbaseline.monitoring.canary;

import static io.github.opsbaseline.monitoring.alarm.MetricSpec.metric;
import static io.github.opsbaseline.monitoring.alarm.SignalDefinition.signal;

import io.github.opsbaseline.monitoring.alarm.MissingData;
import io.github.opsbaseline.monitoring.alarm.SignalDefinition;
import java.util.List;

/** The alarm catalogue of a health canary (dimension {@code CanaryName}). */
public final class CanarySignals {

    private CanarySignals() { }

    public static final String KIND = "canary";

    /** Success percentage of the canary's runs, per period of the given length. */
    public static List<SignalDefinition> forRate(int rateMinutes) {
        int period = Math.max(300, rateMinutes * 60);
        return List.of(signal("health-check", "Health check success",
                metric("CloudWatchSynthetics", "SuccessPercent", "Average"))
                .every(period, 2, 2)
                .below(100.0, 50.0, "%")
                // No runs means nobody verifies the endpoint: reported to the warning topic. Not
                // BREACHING: a new canary has no data until its first run, and would page at once.
                .missing(MissingData.MISSING_REPORTED)
                .means("The health URL failed from outside (DNS, TLS, load balancer, service or its database).",
                        "The canary's screenshots and logs in the artifacts bucket, the /health response body"
                                + " (database and cache checks), the service-down and unhealthy-hosts alarms."));
    }
}
