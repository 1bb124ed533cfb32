package io.github.opsbaseline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.config.ComplianceStandard;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ConfigComplianceTest {

    @Test
    void recorderRecordsEverythingAndNetworkInterfacesDaily() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Config::ConfigurationRecorder", Map.of(
                "Name", "django-ms-prod-config-recorder",
                "RecordingGroup", Map.of("AllSupported", true, "IncludeGlobalResourceTypes", true),
                "RecordingMode", Map.of("RecordingFrequency", "CONTINUOUS", "RecordingModeOverrides", List.of(
                        Match.objectLike(Map.of("ResourceTypes", List.of("AWS::EC2::NetworkInterface"),
                                "RecordingFrequency", "DAILY")))),
                "RoleARN", Match.anyValue()));
        t.hasResourceProperties("AWS::Config::DeliveryChannel", Map.of(
                "ConfigSnapshotDeliveryProperties", Map.of("DeliveryFrequency", "Six_Hours"),
                "S3BucketName", Match.anyValue(), "S3KmsKeyArn", Match.anyValue(),
                "Name", "django-ms-prod-config-delivery"));
    }

    @Test
    void rulesAreTheUnionOfTheStandardsSortedAndDeduplicated() {
        List<String> prodRules = ComplianceRules.forStandards(List.of(ComplianceStandard.values()));
        assertThat(prodRules).isSorted().doesNotHaveDuplicates();
        assertThat(ComplianceRules.forStandards(List.of(ComplianceStandard.GDPR, ComplianceStandard.SOC2)))
                .isEqualTo(ComplianceRules.forStandards(List.of(ComplianceStandard.SOC2, ComplianceStandard.GDPR)));
        assertThat(ComplianceRules.TABLE).containsOnlyKeys(ComplianceStandard.values());
        Template t = SecurityTemplates.of("prod");
        // literal counts, not the method's own answer: a rule dropped from the table must fail here
        assertThat(prodRules).hasSize(48);
        t.resourceCountIs("AWS::Config::ConfigRule", 48);
        t.hasResourceProperties("AWS::Config::ConfigRule", Map.of("ConfigRuleName", "django-ms-prod-cloud-trail-enabled",
                "Source", Map.of("Owner", "AWS", "SourceIdentifier", "CLOUD_TRAIL_ENABLED")));
        SecurityTemplates.of("dev").resourceCountIs("AWS::Config::ConfigRule", 16);
    }

    @Test
    void configMayUseTheKeyOnlyForThisAccount() {
        SecurityTemplates.hasKeyStatement("prod", Map.of("Sid", "AWSConfigUsesTheKey",
                "Principal", Map.of("Service", "config.amazonaws.com"),
                "Condition", Map.of("StringEquals", Map.of("AWS:SourceAccount", "777788889999"))));
    }

    @Test
    void theAlarmActionRuleDoesNotAskForAnInsufficientDataAction() {
        // AWS's default (true) would judge every baseline alarm NON_COMPLIANT and warn about each
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Config::ConfigRule", Map.of(
                "ConfigRuleName", "django-ms-prod-cloudwatch-alarm-action-check",
                "Source", Map.of("Owner", "AWS", "SourceIdentifier", "CLOUDWATCH_ALARM_ACTION_CHECK"),
                "InputParameters", Map.of("alarmActionRequired", "true", "insufficientDataActionRequired", "false",
                        "okActionRequired", "false")));
        // the other rules keep AWS's defaults
        t.hasResourceProperties("AWS::Config::ConfigRule", Map.of("ConfigRuleName", "django-ms-prod-cloud-trail-enabled",
                "InputParameters", Match.absent()));
    }

    @Test
    void nonCompliantChangesGoToTheWarningTopic() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "django-ms-prod-config-non-compliant",
                "EventPattern", Map.of("source", List.of("aws.config"),
                        "detail-type", List.of("Config Rules Compliance Change"),
                        "detail", Map.of(
                                "configRuleName", List.of(Map.of("anything-but", Map.of("prefix", "securityhub-"))),
                                "newEvaluationResult", Map.of("complianceType", List.of("NON_COMPLIANT")))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("Warning"))))),
                "State", "ENABLED"));
    }

    @Test
    void withoutSecurityHubRoutingEveryRulesNonCompliantChangeAlerts() {
        // dev routes no Security Hub findings, so Security Hub's rules (if the account has them) still alert here
        SecurityTemplates.of("dev").hasResourceProperties("AWS::Events::Rule", Map.of(
                "Name", "django-ms-dev-config-non-compliant",
                "EventPattern", Match.objectLike(Map.of("detail",
                        Map.of("newEvaluationResult", Map.of("complianceType", List.of("NON_COMPLIANT")))))));
    }

    @Test
    void theRecorderRoleMayDeliverToTheBucketAndIsAssumedOnlyForThisAccount() {
        Template t = SecurityTemplates.of("prod");
        String role = only(t, "AWS::IAM::Role", "ConfigComplianceRecorderRole");
        t.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement", List.of(
                Map.of("Action", "sts:AssumeRole", "Effect", "Allow",
                        "Principal", Map.of("Service", "config.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("AWS:SourceAccount", "777788889999")))))));
        String bucket = only(t, "AWS::S3::Bucket", "ConfigComplianceDeliveryBucket");
        String key = only(t, "AWS::KMS::Key", "LogsKey");
        t.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("Roles", List.of(Map.of("Ref", role)),
                "PolicyDocument", Map.of("Statement", List.of(
                        Match.objectLike(Map.of("Action", "s3:GetBucketAcl",
                                "Resource", Map.of("Fn::GetAtt", List.of(bucket, "Arn")))),
                        Match.objectLike(Map.of("Action", "s3:PutObject", "Resource", Map.of("Fn::Join", List.of("",
                                List.of(Map.of("Fn::GetAtt", List.of(bucket, "Arn")), "/AWSLogs/777788889999/Config/*"))))),
                        Match.objectLike(Map.of("Action", List.of("kms:Decrypt", "kms:GenerateDataKey"),
                                "Resource", Map.of("Fn::GetAtt", List.of(key, "Arn"))))))));
    }

    @Test
    void theDeliveryChannelWaitsForTheBucketPolicyNotForTheRecorder() {
        // CloudFormation starts the recorder once a channel exists: a channel waiting for the recorder deadlocks
        Template t = SecurityTemplates.of("prod");
        String policy = only(t, "AWS::S3::BucketPolicy", "ConfigComplianceDeliveryBucketPolicy");
        Map<String, Map<String, Object>> channels = t.findResources("AWS::Config::DeliveryChannel");
        assertThat(channels).hasSize(1);
        assertThat(channels.values().iterator().next().get("DependsOn")).isEqualTo(List.of(policy));
    }

    @Test
    void theDeliveryBucketHasNoObjectLockWhichConfigDoesNotDeliverTo() {
        // AWS::Config::DeliveryChannel: "AWS Config does not support the delivery channel to an Amazon S3
        // bucket where object lock is enabled"; versioning and the lifecycle's retention stay
        Template t = SecurityTemplates.of("prod");
        String bucket = only(t, "AWS::S3::Bucket", "ConfigComplianceDeliveryBucket");
        Map<?, ?> properties = (Map<?, ?>) t.findResources("AWS::S3::Bucket").get(bucket).get("Properties");
        assertThat(properties.get("ObjectLockEnabled")).isEqualTo(false);
        assertThat(properties.get("VersioningConfiguration")).isEqualTo(Map.of("Status", "Enabled"));
        t.hasResourceProperties("AWS::Config::DeliveryChannel", Map.of("S3BucketName", Map.of("Ref", bucket)));
    }

    private static String only(Template t, String type, String logicalIdPrefix) {
        List<String> ids = t.findResources(type).keySet().stream().filter(id -> id.startsWith(logicalIdPrefix)).toList();
        assertThat(ids).as(type + " " + logicalIdPrefix).hasSize(1);
        return ids.get(0);
    }
}
