package io.github.opsbaseline.security;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SecureBucketTest {

    @Test
    void everyBucketMeetsTheControlTowerS3Controls() {
        Template t = SecurityTemplates.of("prod");
        Map<String, Map<String, Object>> buckets = t.findResources("AWS::S3::Bucket");
        org.assertj.core.api.Assertions.assertThat(buckets).hasSize(4);
        // Object Lock on every bucket but AWS Config's delivery bucket, which Config does not deliver to
        // with it (ConfigComplianceTest); the rest of the controls on all four
        org.assertj.core.api.Assertions.assertThat(buckets).allSatisfy((id, bucket) -> org.assertj.core.api.Assertions
                .assertThat(((Map<?, ?>) bucket.get("Properties")).get("ObjectLockEnabled")).as(id)
                .isEqualTo(!id.startsWith("ConfigComplianceDeliveryBucket")));
        t.allResourcesProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced"))),
                "NotificationConfiguration", Map.of("EventBridgeConfiguration", Map.of("EventBridgeEnabled", true)),
                "LoggingConfiguration", Match.anyValue(),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))))));
    }

    @Test
    void accessLogBucketLogsToItselfAndLetsOnlyS3LoggingOfThisAccountWrite() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of(
                "LoggingConfiguration", Map.of("LogFilePrefix", "self/"), "AccessControl", Match.absent())));
        t.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "S3ServerAccessLogsPolicy",
                        "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                        "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "777788889999"))))))))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void noKeyLetsAServiceUseItWithoutACondition() {
        // confused deputy: a service principal on a key policy is scoped to this account, trail or log group
        List<String> unconditioned = new java.util.ArrayList<>();
        SecurityTemplates.of("prod").findResources("AWS::KMS::Key").forEach((id, key) -> {
            Map<String, Object> policy = (Map<String, Object>) ((Map<String, Object>) key.get("Properties")).get("KeyPolicy");
            for (Map<String, Object> statement : (List<Map<String, Object>>) policy.get("Statement")) {
                if (statement.get("Principal") instanceof Map<?, ?> principal && principal.containsKey("Service")
                        && !statement.containsKey("Condition")) {
                    unconditioned.add(id + " " + principal.get("Service") + " " + statement.get("Action"));
                }
            }
        });
        org.assertj.core.api.Assertions.assertThat(unconditioned).isEmpty();
        SecurityTemplates.hasKeyStatement("prod", Map.of("Sid", "S3ServerAccessLogDelivery",
                "Principal", Map.of("Service", "logging.s3.amazonaws.com"),
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "777788889999"))));
    }

    @Test
    void logGroupKeyServesOnlyThisAccountsLogGroups() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true,
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudWatchLogsOfThisAccount",
                        "Principal", Map.of("Service", "logs.ap-southeast-1.amazonaws.com"),
                        "Condition", Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":logs:ap-southeast-1:777788889999:*"))))))))))))));
    }
}
