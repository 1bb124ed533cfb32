package io.github.opsbaseline.backup;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class BackupAuditReportsTest {

    private static Map<String, Object> param(String name, String value) {
        return Map.of("ParameterName", name, "ParameterValue", value);
    }

    @Test
    void prodFrameworkHasEveryControlWithParametersTakenFromThePlan() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::Framework", Map.of(
                "FrameworkName", "django_ms_prod_backup_controls",
                "FrameworkControls", List.of(
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN",
                                "ControlScope", Map.of("ComplianceResourceTypes", List.of("RDS", "S3"))),
                        Map.of("ControlName", "BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK",
                                "ControlInputParameters", List.of(param("requiredFrequencyUnit", "hours"),
                                        param("requiredFrequencyValue", "24"), param("requiredRetentionDays", "35"))),
                        Map.of("ControlName", "BACKUP_RECOVERY_POINT_ENCRYPTED"),
                        Map.of("ControlName", "BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED"),
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION",
                                "ControlInputParameters", List.of(param("crossRegionList", "ap-southeast-2")),
                                "ControlScope", Match.anyValue()),
                        Map.of("ControlName", "BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK",
                                "ControlInputParameters", List.of(param("minRetentionDays", "7"),
                                        param("maxRetentionDays", "2555")),
                                "ControlScope", Match.anyValue()),
                        Map.of("ControlName", "BACKUP_LAST_RECOVERY_POINT_CREATED",
                                "ControlInputParameters", List.of(param("recoveryPointAgeUnit", "hours"),
                                        param("recoveryPointAgeValue", "26")),
                                "ControlScope", Match.anyValue()))));
    }

    @Test
    void reportPlansDeliverCsvAndJsonToTheHardenedBucket() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::Backup::ReportPlan", Map.of(
                "ReportPlanName", "django_ms_prod_backup_controls_compliance",
                "ReportDeliveryChannel", Map.of("S3BucketName", Map.of("Ref", Match.stringLikeRegexp("AuditReportBucket.*")),
                        "S3KeyPrefix", "compliance", "Formats", List.of("CSV", "JSON")),
                "ReportSetting", Map.of("ReportTemplate", "CONTROL_COMPLIANCE_REPORT",
                        "FrameworkArns", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("AuditFramework.*"),
                                "FrameworkArn"))))));
        t.hasResourceProperties("AWS::Backup::ReportPlan", Map.of(
                "ReportSetting", Map.of("ReportTemplate", "BACKUP_JOB_REPORT")));
        t.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "aws:kms",
                                "KMSMasterKeyID", Match.anyValue()))))),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "ObjectLockEnabled", true,
                "LoggingConfiguration", Map.of("DestinationBucketName", Match.anyValue(), "LogFilePrefix", "ReportBucket/")));
    }

    @Test
    void theReportBucketAdmitsOnlyTlsAndTheReportsServiceRole() {
        Template t = TemplateSupport.backup("prod");
        t.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Effect", "Deny", "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))),
                Match.objectLike(Map.of("Sid", "BackupAuditManagerWritesReports", "Action", "s3:PutObject",
                        "Condition", Map.of("ArnEquals", Map.of("aws:PrincipalArn", Map.of("Fn::Join", List.of("",
                                List.of("arn:", Map.of("Ref", "AWS::Partition"), ":iam::777788889999:role/aws-service-role/"
                                        + "reports.backup.amazonaws.com/AWSServiceRoleForBackupReports"))))))))))));
    }

    @Test
    void devHasNoAudit() {
        Template t = TemplateSupport.backup("dev");
        t.resourceCountIs("AWS::Backup::Framework", 0);
        t.resourceCountIs("AWS::Backup::ReportPlan", 0);
    }
}
