package io.github.opsbaseline.security;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class AuditTrailTest {

    @Test
    void trailIsMultiRegionValidatedEncryptedAndDeliveredToLogs() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of(
                "TrailName", "django-ms-prod-trail",
                "IsMultiRegionTrail", true,
                "IncludeGlobalServiceEvents", true,
                "EnableLogFileValidation", true,
                "KMSKeyId", Match.anyValue(),
                "CloudWatchLogsLogGroupArn", Match.anyValue(),
                "InsightSelectors", List.of(Map.of("InsightType", "ApiCallRateInsight"),
                        Map.of("InsightType", "ApiErrorRateInsight")))));
        t.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "/aws/cloudtrail/django-ms-prod-trail",
                "KmsKeyId", Match.anyValue(), "RetentionInDays", 365));
    }

    @Test
    void keyRotatesAndOnlyLetsCloudTrailUseItForThisAccountsTrails() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("EnableKeyRotation", true,
                "KeyPolicy", Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowCloudTrailToEncryptLogsOfThisAccount",
                        "Principal", Map.of("Service", "cloudtrail.amazonaws.com"),
                        "Condition", Match.objectLike(Map.of("StringLike", Map.of(
                                "kms:EncryptionContext:aws:cloudtrail:arn",
                                Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                                        ":cloudtrail:*:777788889999:trail/*")))))))))))))));
    }

    @Test
    void cloudTrailMayDecryptWithTheKeyBecauseItsBucketUsesABucketKey() {
        Template t = SecurityTemplates.of("prod");
        // the bucket key is what makes AWS ask for kms:Decrypt when the trail is created or updated
        Object bucketKey = Map.of("ServerSideEncryptionConfiguration",
                List.of(Match.objectLike(Map.of("BucketKeyEnabled", true))));
        t.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("BucketEncryption", bucketKey,
                "LoggingConfiguration", Match.objectLike(Map.of("LogFilePrefix", "cloudtrail/")))));
        Object trailArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":cloudtrail:ap-southeast-1:777788889999:trail/django-ms-prod-trail")));
        Object decrypt = Map.of("Sid", "AllowCloudTrailToDecryptForTheBucketKey", "Effect", "Allow",
                "Principal", Map.of("Service", "cloudtrail.amazonaws.com"), "Action", "kms:Decrypt", "Resource", "*",
                "Condition", Map.of("StringEquals", Map.of("aws:SourceArn", trailArn)));
        t.hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("KeyPolicy",
                Match.objectLike(Map.of("Statement", Match.arrayWith(List.of(decrypt)))))));
    }

    @Test
    void bucketTakesDeliveryFromThisTrailOnly() {
        Template t = SecurityTemplates.of("prod");
        Object trailArn = Map.of("Fn::Join", List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                ":cloudtrail:ap-southeast-1:777788889999:trail/django-ms-prod-trail")));
        Object cloudTrail = Map.of("Service", "cloudtrail.amazonaws.com");
        Object deny = Map.of("Sid", "DenyCloudTrailDeliveryForOtherTrails", "Effect", "Deny",
                "Principal", cloudTrail, "Action", List.of("s3:GetBucketAcl", "s3:PutObject"),
                "Resource", List.of(Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TrailBucket"), "Arn")),
                        Map.of("Fn::Join", List.of("", List.of(
                                Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("TrailBucket"), "Arn")), "/*")))),
                "Condition", Map.of("StringNotEquals", Map.of("aws:SourceArn", trailArn)));
        // the deny sits beside the Trail construct's own grants, which still let this trail deliver
        t.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(
                        Match.objectLike(Map.of("Effect", "Allow", "Principal", cloudTrail, "Action", "s3:GetBucketAcl")),
                        Match.objectLike(Map.of("Effect", "Allow", "Principal", cloudTrail, "Action", "s3:PutObject")),
                        deny))))));
    }

    @Test
    void bucketIsHardenedRetainedAndLogsElsewhere() {
        Template t = SecurityTemplates.of("prod");
        t.hasResource("AWS::S3::Bucket", Match.objectLike(Map.of(
                "DeletionPolicy", "Retain",
                "Properties", Match.objectLike(Map.of(
                        "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                                "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                        "VersioningConfiguration", Map.of("Status", "Enabled"),
                        "LoggingConfiguration", Map.of("DestinationBucketName", Map.of("Ref", Match.stringLikeRegexp("AccessLogsBucket")),
                                "LogFilePrefix", "cloudtrail/"),
                        "LifecycleConfiguration", Map.of("Rules", List.of(Match.objectLike(Map.of(
                                "ExpirationInDays", 2555,
                                "Transitions", List.of(Map.of("StorageClass", "GLACIER", "TransitionInDays", 90)))))))))));
        t.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false"))))))))));
    }

    @Test
    void dataEventsUseAdvancedSelectorsExcludingTheTrailsOwnBuckets() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::CloudTrail::Trail", Match.objectLike(Map.of(
                "EventSelectors", Match.absent(),
                "AdvancedEventSelectors", List.of(
                        Map.of("Name", "Management events", "FieldSelectors",
                                List.of(Map.of("Field", "eventCategory", "Equals", List.of("Management")))),
                        Match.objectLike(Map.of("FieldSelectors", Match.arrayWith(List.of(
                                Match.objectLike(Map.of("Field", "resources.ARN", "NotStartsWith", Match.anyValue()))))))))));
        // dev keeps the cheaper basic management-event selector
        SecurityTemplates.of("dev").hasResourceProperties("AWS::CloudTrail::Trail",
                Match.objectLike(Map.of("AdvancedEventSelectors", Match.absent())));
    }
}
