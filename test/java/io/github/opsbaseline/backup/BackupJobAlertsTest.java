package io.github.opsbaseline.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.testing.EventBridgeInput;
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
    @SuppressWarnings("unchecked")
    void everyFailureIsSentInChatbotsCustomNotificationFormat() throws Exception {
        // GIVEN prod's three job rules
        Template t = TemplateSupport.backup("prod");
        Map<String, Map<String, Object>> rules = t.findResources("AWS::Events::Rule", Map.of("Properties", Map.of(
                "EventPattern", Match.objectLike(Map.of("source", List.of("aws.backup"))))));
        assertThat(rules).hasSize(3);
        String status = "Access denied to \"arn:aws:kms:eu-west-1:123456789012:key/1\"\nfor the backup role";
        for (Map<String, Object> rule : rules.values()) {
            // WHEN the input each sends is written as EventBridge writes it, for a status message with
            // quotes and a line break in it
            JsonNode transformer = new ObjectMapper().valueToTree(((List<Object>)
                    ((Map<String, Object>) rule.get("Properties")).get("Targets")).get(0)).path("InputTransformer");
            JsonNode message = EventBridgeInput.render(transformer, Map.of("$.detail.statusMessage", status,
                    "$.detail.state", "FAILED", "$.detail.resourceArn", "arn:aws:rds:eu-west-1:123456789012:db:main"));

            // THEN it is Chatbot's format (plain text never reaches Slack): the job in the title, AWS
            // Backup's message as written in the description, and next steps
            assertThat(message.path("version").asText()).isEqualTo("1.0");
            assertThat(message.path("source").asText()).isEqualTo("custom");
            assertThat(message.path("content").path("title").asText()).startsWith("AWS Backup ")
                    .matches(".*( ended FAILED| failed)$");
            assertThat(message.path("content").path("description").asText()).isEqualTo(status);
            assertThat(message.path("content").path("nextSteps").size()).isGreaterThan(1);
        }
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
