package io.github.opsbaseline.backup;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link BackupStack}.
 *
 * @param stack the stack's own props (env, stack name, description); default none
 * @param names naming scheme of the environment; required
 * @param alertTopics where findings and alarms go; required
 * @param removalPolicy what happens to stateful resources on stack deletion; default RETAIN
 */
public record BackupStackProps(StackProps stack, ResourceNames names, IAlertTopics alertTopics, RemovalPolicy removalPolicy) {

    public BackupStackProps {
        stack = stack == null ? StackProps.builder().build() : stack;
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(alertTopics, "alertTopics");
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
    }

    /** Maps an environment file to props. */
    public static BackupStackProps fromConfig(EnvironmentConfig config, StackProps stack, IAlertTopics alertTopics) {
        return new BackupStackProps(stack, config.names(), alertTopics, config.removalPolicy().toCdk());
    }
}
