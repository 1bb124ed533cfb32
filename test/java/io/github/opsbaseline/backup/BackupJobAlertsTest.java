package io.github.opsbaseline.backup;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class BackupJobAlertsTest {

    @Test
    void failedBackupAndCopyJobsMatchStateFailedAbortedExpired() {
        Template t = TemplateSupport.backup("prod");
        for (String type : List.of("Backup Job State Change", "Copy Job State Change")) {
            t.hasResourceProperties("AWS::Events::Rule", Map.of("EventPattern", Map.of(
                    "source", List.of("aws.backup"), "detail-type", List.of(type),
                    "detail", Map.of("state", List.of("FAILED", "ABORTED", "EXPIRED")))));
        }
    }

    @Test
    void failedRestoreJobsMatchStatusFailedAndGoToTheCriticalTopic() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "django-ms-prod-backup-restore-job-failed",
                "EventPattern", Map.of("source", List.of("aws.backup"),
                        "detail-type", List.of("Restore Job State Change"), "detail", Map.of("status", List.of("FAILED"))),
                "Targets", List.of(Match.objectLike(Map.of(
                        "Arn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical")))))));
    }

    @Test
    void failedJobsOfTheVaultRaiseACriticalAlarmWithAlarmAndOkActions() {
        Template t = TemplateSupport.backup("prod");
        Map<String, Object> critical = Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical"));
        t.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of(
                "AlarmName", "django-ms-prod-vault-backup-jobs-failed-critical",
                "Namespace", "AWS/Backup", "MetricName", "NumberOfBackupJobsFailed",
                "Dimensions", List.of(Map.of("Name", "BackupVaultName", "Value", "django-ms-prod-vault")),
                "ComparisonOperator", "GreaterThanThreshold", "Threshold", 0,
                "AlarmActions", List.of(critical), "OKActions", List.of(critical)));
    }
}
