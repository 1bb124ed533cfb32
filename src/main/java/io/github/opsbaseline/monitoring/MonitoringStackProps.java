package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.Objects;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link MonitoringStack}.
 *
 * @param stack the stack's own props (env, stack name, description); default none
 * @param alerting the severity topics the stack creates and every other stack publishes to (its
 *     names and removal policy are the stack's too); required
 * @param workload what to watch; default nothing (only the topics)
 * @param settings how to watch it; default {@link MonitoringSettings#defaults()}
 */
public record MonitoringStackProps(StackProps stack, AlertTopicsProps alerting, MonitoredWorkload workload,
                                   MonitoringSettings settings) {

    public MonitoringStackProps {
        stack = stack == null ? StackProps.builder().build() : stack;
        Objects.requireNonNull(alerting, "alerting");
        workload = workload == null ? MonitoredWorkload.empty() : workload;
        settings = settings == null ? MonitoringSettings.defaults() : settings;
    }

    /** Topics only: nothing watched yet. */
    public MonitoringStackProps(StackProps stack, AlertTopicsProps alerting) {
        this(stack, alerting, null, null);
    }

    /** The same props with other alert topics (e.g. Slack configurations carrying more topics). */
    public MonitoringStackProps withAlerting(AlertTopicsProps alerting) {
        return new MonitoringStackProps(stack, alerting, workload, settings);
    }

    /** Maps an environment file to props. */
    public static MonitoringStackProps fromConfig(EnvironmentConfig config, StackProps stack) {
        return new MonitoringStackProps(stack,
                config.alerting().toTopicsProps(config.names(), config.removalPolicy().toCdk(), "alerts"),
                MonitoredWorkload.fromConfig(config), MonitoringSettings.fromConfig(config));
    }
}
