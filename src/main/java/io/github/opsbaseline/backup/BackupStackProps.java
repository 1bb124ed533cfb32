package io.github.opsbaseline.backup;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.BackupConfig;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.config.WorkloadConfig.DatabaseConfig;
import io.github.opsbaseline.config.WorkloadConfig.ServiceConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.StackProps;

/**
 * Props of {@link BackupStack}.
 *
 * @param stack the stack's own props (env, stack name, description); default none
 * @param names naming scheme of the environment; required
 * @param alertTopics where alarms, failed jobs and DR reports go; required
 * @param removalPolicy what happens to stateful resources on stack deletion; default RETAIN
 * @param backup plans, selection, lock, restore tests, audit, bucket, DR check; default {@link BackupConfig#defaults()}
 * @param dr the DR-region names (account and DR region); default none: no copies, no replication
 * @param databases the workload's RDS instances and Aurora clusters, protected by ARN; default none
 *     ({@code fromConfig} leaves out read replicas: AWS Backup does not back them up, and they copy the primary)
 * @param healthUrls URLs the DR health check calls; default none
 * @param healthCheckVpcId the VPC the DR health check runs in (with {@code backup.drHealthCheck().subnetIds()}); default none
 */
public record BackupStackProps(StackProps stack, ResourceNames names, IAlertTopics alertTopics, RemovalPolicy removalPolicy,
                               BackupConfig backup, BackupNames dr, List<DatabaseConfig> databases, List<String> healthUrls,
                               String healthCheckVpcId) {

    public BackupStackProps {
        stack = stack == null ? StackProps.builder().build() : stack;
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(alertTopics, "alertTopics");
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        backup = backup == null ? BackupConfig.defaults() : backup;
        databases = databases == null ? List.of() : List.copyOf(databases);
        healthUrls = healthUrls == null ? List.of() : List.copyOf(healthUrls);
    }

    /** Maps an environment file to props. */
    public static BackupStackProps fromConfig(EnvironmentConfig config, StackProps stack, IAlertTopics alertTopics) {
        BackupNames dr = config.drRegion() == null ? null
                : new BackupNames(config.names(), config.account(), config.drRegion());
        List<String> urls = config.workload().services().stream().map(ServiceConfig::healthUrl)
                .filter(Objects::nonNull).toList();
        return new BackupStackProps(stack, config.names(), alertTopics, config.removalPolicy().toCdk(), config.backup(),
                dr, config.backup().selection().databases(config), urls,
                config.backup().drHealthCheck().vpcId(config.workload()));
    }
}
