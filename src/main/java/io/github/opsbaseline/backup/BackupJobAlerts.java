package io.github.opsbaseline.backup;

import io.github.opsbaseline.alerting.ChatNotification;
import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.core.ResourceNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.constructs.Construct;

/**
 * Tells the critical topic when a backup, copy or restore job fails: EventBridge rules on AWS
 * Backup's job state changes (the vault's {@code BACKUP_JOB_FAILED} notification is deprecated and
 * sends nothing), written as {@link ChatNotification}s so Slack gets them too, and a CloudWatch alarm on {@code AWS/Backup NumberOfBackupJobsFailed} per vault.
 */
public class BackupJobAlerts extends Construct {

    /** Backup and copy job {@code state} values that mean no recovery point was made. */
    public static final List<String> FAILED_STATES = List.of("FAILED", "ABORTED", "EXPIRED");

    /**
     * Props of {@link BackupJobAlerts}.
     *
     * @param names the naming scheme (alarm and rule names); required
     * @param alertTopics where alerts go (critical); required
     * @param vaultNames vaults whose failed-job metric is alarmed; same region; default none
     */
    public record Props(ResourceNames names, IAlertTopics alertTopics, List<String> vaultNames) {
        public Props {
            Objects.requireNonNull(names, "names");
            Objects.requireNonNull(alertTopics, "alertTopics");
            vaultNames = vaultNames == null ? List.of() : List.copyOf(vaultNames);
        }
    }

    public BackupJobAlerts(Construct scope, String id, Props props) {
        super(scope, id);
        rule("BackupJobFailed", props, "backup-job-failed", "Backup Job State Change", "state", FAILED_STATES,
                jobFailed("job", "$.detail.backupJobId", true, List.of("No recovery point was made",
                        "Check the resource, the backup role and the vault", "Run the job again")));
        rule("CopyJobFailed", props, "copy-job-failed", "Copy Job State Change", "state", FAILED_STATES,
                jobFailed("copy job", "$.detail.copyJobId", true, List.of("The DR region lacks this recovery point",
                        "Check the DR vault's key policy and access policy", "Copy the recovery point again")));
        rule("RestoreJobFailed", props, "restore-job-failed", "Restore Job State Change", "status", List.of("FAILED"),
                jobFailed("restore job", "$.detail.restoreJobId", false, List.of(
                        "A restore (or a restore test) did not work: the backups may not be recoverable",
                        "Fix the cause and restore again")));
        for (String vault : props.vaultNames()) {
            Metric failed = Metric.Builder.create()
                    .namespace("AWS/Backup")
                    .metricName("NumberOfBackupJobsFailed")
                    .dimensionsMap(Map.of("BackupVaultName", vault))
                    .statistic("Sum")
                    .period(Duration.hours(1))
                    .build();
            // The vault's own name already starts with the environment prefix: do not repeat it.
            String prefix = props.names().prefix() + "-";
            String resource = vault.startsWith(prefix) ? vault.substring(prefix.length()) : vault;
            Alarm alarm = Alarm.Builder.create(this, "JobsFailed-" + vault)
                    .alarmName(props.names().alarmName(resource, "backup-jobs-failed", Severity.CRITICAL))
                    .alarmDescription("Backup jobs failed in vault " + vault + " within the last hour. "
                            + "Open AWS Backup > Jobs, filter on the vault and state Failed, fix the cause and rerun.")
                    .metric(failed)
                    .threshold(0)
                    .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                    .evaluationPeriods(1)
                    // AWS/Backup publishes only when jobs run: no data means no failure.
                    .treatMissingData(TreatMissingData.NOT_BREACHING)
                    .build();
            alarm.addAlarmAction(new SnsAction(props.alertTopics().critical()));
            alarm.addOkAction(new SnsAction(props.alertTopics().critical()));
        }
    }

    /**
     * A job that failed: its id, resource and state in the title (ids, ARNs and state names, which need
     * no escaping inside a JSON string) and AWS Backup's status message as the whole description, which
     * EventBridge then writes as a JSON value of its own: free text in a quoted string is not escaped,
     * and one quote or line break in it would leave a message Chatbot cannot read.
     */
    private static ChatNotification jobFailed(String kind, String jobIdPath, boolean withState, List<String> nextSteps) {
        String title = "AWS Backup " + kind + " " + EventField.fromPath(jobIdPath)
                + (withState ? " for " + EventField.fromPath("$.detail.resourceArn") + " ended "
                        + EventField.fromPath("$.detail.state") : " failed");
        return new ChatNotification(title, EventField.fromPath("$.detail.statusMessage"), nextSteps);
    }

    private void rule(String id, Props props, String name, String detailType, String field, List<String> values,
                      ChatNotification message) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(field, values);
        Rule.Builder.create(this, id)
                .ruleName(props.names().name("backup", name))
                .description("AWS Backup " + detailType + " with " + field + " " + String.join("/", values)
                        + " to the critical topic")
                .eventPattern(EventPattern.builder()
                        .source(List.of("aws.backup"))
                        .detailType(List.of(detailType))
                        .detail(detail)
                        .build())
                .targets(List.of(props.alertTopics().eventTarget(Severity.CRITICAL, message.toRuleTargetInput())))
                .build();
    }
}
