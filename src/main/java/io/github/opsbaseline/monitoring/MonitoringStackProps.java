package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.util.Objects;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link MonitoringStack}.
 *
 * @param stack the stack's own props (env, stack name, description); default none
 * @param alerting the severity topics the stack creates and every other stack publishes to; required
 */
public record MonitoringStackProps(StackProps stack, AlertTopicsProps alerting) {

    public MonitoringStackProps {
        stack = stack == null ? StackProps.builder().build() : stack;
        Objects.requireNonNull(alerting, "alerting");
    }

    /** Maps an environment file to props. */
    public static MonitoringStackProps fromConfig(EnvironmentConfig config, StackProps stack) {
        return new MonitoringStackProps(stack,
                config.alerting().toTopicsProps(config.names(), config.removalPolicy().toCdk(), "alerts"));
    }
}
