package io.github.opsbaseline.backup;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class RestoreTestingTest {

    @Test
    void prodTestsTheLatestRecoveryPointMonthly() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::RestoreTestingPlan", Map.of(
                "RestoreTestingPlanName", "django_ms_prod_restore_test",
                "ScheduleExpression", "cron(0 5 ? * 1#1 *)",
                "ScheduleExpressionTimezone", "UTC",
                "StartWindowHours", 24,
                "RecoveryPointSelection", Match.objectLike(Map.of(
                        "Algorithm", "LATEST_WITHIN_WINDOW", "SelectionWindowDays", 7,
                        "IncludeVaults", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Vault.*"),
                                "BackupVaultArn")))))));
    }

    @Test
    void rdsIsTestedByTheWorkloadDatabaseArnsWithAValidationWindow() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "RDS",
                "ProtectedResourceArns", List.of(Map.of("Fn::Join", List.of("", List.of("arn:",
                        Map.of("Ref", "AWS::Partition"), ":rds:ap-southeast-1:777788889999:db:django-ms-prod-db")))),
                "ValidationWindowHours", 8));
    }

    @Test
    void configuredTypesWithoutArnsAreTestedByTheSelectionTags() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::RestoreTestingSelection", Map.of(
                "ProtectedResourceType", "S3",
                "ProtectedResourceArns", List.of("*"),
                "ProtectedResourceConditions", Map.of("StringEquals", List.of(
                        Map.of("Key", "aws:ResourceTag/backup", "Value", "true"),
                        Map.of("Key", "aws:ResourceTag/data-classification", "Value", "restricted")))));
    }

    @Test
    void devHasNoRestoreTests() {
        TemplateSupport.backup("dev").resourceCountIs("AWS::Backup::RestoreTestingPlan", 0);
    }
}
