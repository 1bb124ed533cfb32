package io.github.opsbaseline.monitoring.alarm;

import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import java.util.Objects;

/**
 * One alarm signal of a monitored kind, as data: what is measured, how often, which side is bad,
 * the default warning and critical levels, how missing data counts, and what a responder should
 * know. The {@link AlarmFactory} turns it into alarms; per-kind classes only list definitions.
 *
 * @param id short signal id used in alarm names and config keys, e.g. {@code cpu}
 * @param title human name, e.g. {@code CPU utilization}
 * @param metric the metric, math expression or anomaly band watched
 * @param periodSeconds period of each datapoint; default 300
 * @param evaluationPeriods periods looked at; default 2
 * @param datapointsToAlarm breaching periods (of those) that raise the alarm; default 2
 * @param direction which side of the threshold is bad; default above
 * @param warning warning level, or null for no warning alarm
 * @param critical critical level, or null for no critical alarm
 * @param unit unit of the levels, for descriptions ({@code %}, {@code s}, {@code count})
 * @param missingData how periods without data count; default not breaching
 * @param meaning what a breach means, one sentence
 * @param checkFirst what a responder checks first (seed 000/003 troubleshooting)
 */
public record SignalDefinition(
        String id,
        String title,
        MetricSpec metric,
        Integer periodSeconds,
        Integer evaluationPeriods,
        Integer datapointsToAlarm,
        Direction direction,
        Double warning,
        Double critical,
        String unit,
        MissingData missingData,
        String meaning,
        String checkFirst) {

    public SignalDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(metric, "metric");
        periodSeconds = periodSeconds == null ? 300 : periodSeconds;
        evaluationPeriods = evaluationPeriods == null ? 2 : evaluationPeriods;
        datapointsToAlarm = datapointsToAlarm == null ? evaluationPeriods : datapointsToAlarm;
        direction = direction == null ? Direction.ABOVE : direction;
        unit = unit == null ? "" : unit;
        missingData = missingData == null ? MissingData.NOT_BREACHING : missingData;
        meaning = meaning == null ? "" : meaning;
        checkFirst = checkFirst == null ? "" : checkFirst;
        if (datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException(id + ": datapointsToAlarm " + datapointsToAlarm
                    + " exceeds evaluationPeriods " + evaluationPeriods);
        }
    }

    /**
     * {@code available}: a resource that stops publishing {@code metricName} (which it publishes every
     * minute while it runs) for five minutes is down. The other signals read silence as fine, so this
     * one is what pages when the resource itself stops, failed or removed.
     */
    public static SignalDefinition available(String namespace, String metricName, String meaning, String checkFirst) {
        return signal("available", "Reporting (" + metricName + " data points)",
                MetricSpec.metric(namespace, metricName, "SampleCount"))
                .every(60, 5, 5)
                .below(null, 1.0, "data points")
                .missing(MissingData.BREACHING)
                .means(meaning, checkFirst);
    }

    /** Starts a definition: {@code signal("cpu", "CPU utilization", metric(...)).above(80, 90, "%")...}. */
    public static SignalDefinition signal(String id, String title, MetricSpec metric) {
        return new SignalDefinition(id, title, metric, null, null, null, null, null, null, null, null, null, null);
    }

    public SignalDefinition every(int seconds, int evaluationPeriods, int datapointsToAlarm) {
        return new SignalDefinition(id, title, metric, seconds, evaluationPeriods, datapointsToAlarm, direction,
                warning, critical, unit, missingData, meaning, checkFirst);
    }

    public SignalDefinition above(Double warning, Double critical, String unit) {
        return levels(Direction.ABOVE, warning, critical, unit);
    }

    public SignalDefinition below(Double warning, Double critical, String unit) {
        return levels(Direction.BELOW, warning, critical, unit);
    }

    public SignalDefinition levels(Direction direction, Double warning, Double critical, String unit) {
        return new SignalDefinition(id, title, metric, periodSeconds, evaluationPeriods, datapointsToAlarm, direction,
                warning, critical, unit, missingData, meaning, checkFirst);
    }

    public SignalDefinition missing(MissingData missingData) {
        return new SignalDefinition(id, title, metric, periodSeconds, evaluationPeriods, datapointsToAlarm, direction,
                warning, critical, unit, missingData, meaning, checkFirst);
    }

    public SignalDefinition means(String meaning, String checkFirst) {
        return new SignalDefinition(id, title, metric, periodSeconds, evaluationPeriods, datapointsToAlarm, direction,
                warning, critical, unit, missingData, meaning, checkFirst);
    }

    /**
     * Applies an override: a given level replaces the default, {@code enabled: false} removes the
     * signal (returns null).
     */
    public SignalDefinition overriddenBy(AlarmOverride override) {
        if (override == null) {
            return this;
        }
        if (Boolean.FALSE.equals(override.enabled())) {
            return null;
        }
        return levels(direction, override.warning() != null ? override.warning() : warning,
                override.critical() != null ? override.critical() : critical, unit);
    }

    /** Whether this is an anomaly-band signal (threshold = band width). */
    public boolean isBand() {
        return metric instanceof MetricSpec.Band;
    }
}
