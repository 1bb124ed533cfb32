package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.AlertChannels;
import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.config.AlertingConfig;
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
        AlertTopicsProps.Builder alerting = AlertTopicsProps.builder()
                .names(config.names())
                .removalPolicy(config.removalPolicy().toCdk());
        for (Severity severity : Severity.values()) {
            alerting.channels(severity, toChannels(config.alerting().channelsFor(severity)));
        }
        return new MonitoringStackProps(stack, alerting.build());
    }

    static AlertChannels toChannels(AlertingConfig.Channels c) {
        AlertChannels.Builder b = AlertChannels.builder();
        c.emails().forEach(b::email);
        c.sms().forEach(b::sms);
        c.slack().forEach(s -> b.slack(s.workspaceId(), s.channelId()));
        c.pagerDuty().forEach(b::https);
        c.webhooks().forEach(b::https);
        return b.build();
    }
}
