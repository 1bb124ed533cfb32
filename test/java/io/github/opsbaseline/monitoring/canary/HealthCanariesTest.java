package io.github.opsbaseline.monitoring.canary;

import io.github.opsbaseline.monitoring.MonitoringFixtures;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthCanariesTest {

    private Template template;

    @BeforeAll
    void synth() {
        Stack stack = MonitoringFixtures.stack();
        new HealthCanaries(stack, "Health", HealthCanariesProps.of(MonitoringFixtures.options(stack), List.of(
                new HealthCanariesProps.HealthCheck("api", "https://api.example.com/health"),
                new HealthCanariesProps.HealthCheck("users", "https://api.example.com/users/health"))));
        template = Template.fromStack(stack);
    }

    @Test
    void oneCanaryPerUrlOnACurrentRuntimeWithInlineCodeAndKmsArtifacts() {
        template.resourceCountIs("AWS::Synthetics::Canary", 2);
        template.hasResourceProperties("AWS::Synthetics::Canary", Map.of(
                "Name", "shop-test-api-health",
                "RuntimeVersion", "syn-nodejs-puppeteer-13.0",
                "ProvisionedResourceCleanup", "AUTOMATIC",
                "Code", Match.objectLike(Map.of("Handler", "index.handler",
                        "Script", Match.stringLikeRegexp(".*executeHttpStep.*"))),
                "RunConfig", Match.objectLike(Map.of("EnvironmentVariables", Map.of("HEALTH_URL", "https://api.example.com/health"))),
                "Schedule", Match.objectLike(Map.of("Expression", "rate(5 minutes)")),
                "ArtifactConfig", Map.of("S3Encryption", Map.of("EncryptionMode", "SSE_KMS",
                        "KmsKeyArn", Match.anyValue()))));
    }

    @Test
    void failureIsAlarmedOnSuccessPercentAndACanaryThatStopsIsReportedNotANewOne() {
        // a new canary has no data until its first run: "breaching" would page at every deploy of one
        Map<String, Object> alarm = new HashMap<>(Map.of("AlarmName", "shop-test-api-health-check-critical",
                "Namespace", "CloudWatchSynthetics", "MetricName", "SuccessPercent", "Statistic", "Average",
                "Dimensions", List.of(Map.of("Name", "CanaryName", "Value", "shop-test-api-health")),
                "Threshold", 50, "Period", 300, "ComparisonOperator", "LessThanThreshold",
                "TreatMissingData", "missing", "InsufficientDataActions", Match.absent()));
        alarm.putAll(MonitoringFixtures.actionsTo("Critical"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", alarm);
        // the warning alarm reports a canary gone silent (INSUFFICIENT_DATA), once per canary
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "shop-test-users-health-check-warning",
                "Threshold", 100, "TreatMissingData", "missing",
                "InsufficientDataActions", List.of(MonitoringFixtures.topicRef("Warning"))));
    }

    @Test
    void runHistoryIsKeptAsLongAsTheArtifactsUpToTheServicesLimit() {
        // default 30 days; a longer retention (Synthetics allows 1 to 455) applies to the run history too
        template.allResourcesProperties("AWS::Synthetics::Canary", Match.objectLike(Map.of(
                "SuccessRetentionPeriod", 30, "FailureRetentionPeriod", 30)));
        Stack stack = MonitoringFixtures.stack();
        new HealthCanaries(stack, "Health", new HealthCanariesProps(MonitoringFixtures.options(stack),
                List.of(new HealthCanariesProps.HealthCheck("api", "https://api.example.com/health")),
                null, 90, null, null, null, null));
        Template longer = Template.fromStack(stack);
        longer.hasResourceProperties("AWS::Synthetics::Canary", Match.objectLike(Map.of(
                "SuccessRetentionPeriod", 90, "FailureRetentionPeriod", 90)));
        longer.hasResourceProperties("AWS::S3::Bucket", Match.objectLike(Map.of("LifecycleConfiguration",
                Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of("Id", "expire-artifacts", "ExpirationInDays", 90))))))));
    }

    @Test
    void artifactsLiveInAHardenedExpiringBucketWithAccessLogs() {
        template.resourceCountIs("AWS::S3::Bucket", 2);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(Match.objectLike(Map.of(
                        "ServerSideEncryptionByDefault", Match.objectLike(Map.of("SSEAlgorithm", "aws:kms")))))),
                "VersioningConfiguration", Map.of("Status", "Enabled"),
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "LoggingConfiguration", Map.of("DestinationBucketName", Match.anyValue(), "LogFilePrefix", "artifacts/"),
                "LifecycleConfiguration", Map.of("Rules", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Id", "expire-artifacts", "ExpirationInDays", 30, "Status", "Enabled")))))));
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void theSharedRoleHasAManagedPolicyScopedToTheBucketAndSyntheticsMetrics() {
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Action", "cloudwatch:PutMetricData",
                        "Condition", Map.of("StringEquals", Map.of("cloudwatch:namespace", "CloudWatchSynthetics")))))))));
        template.resourceCountIs("AWS::IAM::Role", 1);
        template.resourceCountIs("AWS::IAM::Policy", 0);
    }
}
