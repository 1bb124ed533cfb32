package io.github.opsbaseline.monitoring.logs;

import io.github.opsbaseline.config.MonitoringConfig;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.logs.ILogGroup;

/**
 * Props of {@link ServiceLogs}.
 *
 * @param options naming, topics and threshold overrides; required
 * @param resourceName the service's short name in alarm and metric names; required
 * @param logGroupName the log group's name, e.g. {@code /ecs/<project>-<env>-api}; required
 * @param createLogGroup whether this construct creates the group (retention, KMS, removal policy)
 *     or only attaches filters to an existing one; default true
 * @param retentionDays retention of a created group, one of CloudWatch Logs' periods; default 30
 * @param encryptionKey key of a created group; its policy must let CloudWatch Logs use it (see
 *     {@code MonitoringKey}); default a new key per construct
 * @param removalPolicy of a created group; default RETAIN
 * @param metricNamespace namespace of the filter metrics; default {@code OpsBaseline/<project>-<env>}
 * @param slowRequestSeconds what counts as a slow request; default 1 (seed 000)
 * @param encryptionKeyArn the key of a created group as an ARN string, used instead of
 *     {@code encryptionKey}: e.g. an SSM dynamic reference, when the key lives in another stack;
 *     default none
 */
public record ServiceLogsProps(AlarmOptions options, String resourceName, String logGroupName,
                               Boolean createLogGroup, Integer retentionDays, IKey encryptionKey,
                               RemovalPolicy removalPolicy, String metricNamespace, Double slowRequestSeconds,
                               String encryptionKeyArn) {

    public ServiceLogsProps {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(resourceName, "resourceName");
        Objects.requireNonNull(logGroupName, "logGroupName");
        createLogGroup = createLogGroup == null || createLogGroup;
        retentionDays = retentionDays == null ? 30 : retentionDays;
        if (MonitoringConfig.retentionProblem(retentionDays) != null) {
            throw new IllegalArgumentException("retentionDays: " + MonitoringConfig.retentionProblem(retentionDays));
        }
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        metricNamespace = metricNamespace == null ? defaultNamespace(options) : metricNamespace;
        slowRequestSeconds = slowRequestSeconds == null ? 1.0 : slowRequestSeconds;
    }

    /** A new, encrypted log group of this name. */
    public static ServiceLogsProps create(AlarmOptions options, String resourceName, String logGroupName,
                                          int retentionDays, IKey key, RemovalPolicy removalPolicy) {
        return new ServiceLogsProps(options, resourceName, logGroupName, true, retentionDays, key, removalPolicy,
                null, null, null);
    }

    /** Filters and alarms on a log group of your own stack. */
    public static ServiceLogsProps forLogGroup(AlarmOptions options, String resourceName, ILogGroup logGroup) {
        return new ServiceLogsProps(options, resourceName, logGroup.getLogGroupName(), false, null, null, null,
                null, null, null);
    }

    public ServiceLogsProps withSlowRequestSeconds(double seconds) {
        return new ServiceLogsProps(options, resourceName, logGroupName, createLogGroup, retentionDays,
                encryptionKey, removalPolicy, metricNamespace, seconds, encryptionKeyArn);
    }

    static String defaultNamespace(AlarmOptions options) {
        return "OpsBaseline/" + options.names().prefix();
    }
}
