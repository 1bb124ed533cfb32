package io.github.opsbaseline.monitoring.alarm;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.MonitoringConfig.AlarmOverride;
import io.github.opsbaseline.core.ResourceNames;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What every alarm construct needs: the naming scheme, the severity topics, and per-signal
 * threshold overrides.
 *
 * @param names the naming scheme; required
 * @param topics the severity topics alarm and OK actions go to; required
 * @param overrides levels by signal id ({@code cpu}, {@code 5xx-rate}, ...); default none (the
 *     catalogue's defaults, which are the seeds' thresholds)
 */
public record AlarmOptions(ResourceNames names, IAlertTopics topics, Map<String, AlarmOverride> overrides) {

    public AlarmOptions {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(topics, "topics");
        overrides = overrides == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(overrides));
    }

    public static AlarmOptions of(ResourceNames names, IAlertTopics topics) {
        return new AlarmOptions(names, topics, null);
    }

    /** The same options with other overrides (e.g. one resource's own). */
    public AlarmOptions withOverrides(Map<String, AlarmOverride> overrides) {
        return new AlarmOptions(names, topics, overrides);
    }
}
