package io.github.opsbaseline.security;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class ThreatDetectionTest {

    @Test
    void detectorUsesFeaturesNeverDataSources() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::GuardDuty::Detector", Map.of(
                "Enable", true,
                "FindingPublishingFrequency", "FIFTEEN_MINUTES",
                "DataSources", Match.absent(),
                "Features", List.of(
                        Map.of("Name", "S3_DATA_EVENTS", "Status", "ENABLED"),
                        Map.of("Name", "EKS_AUDIT_LOGS", "Status", "DISABLED"),
                        Map.of("Name", "EBS_MALWARE_PROTECTION", "Status", "ENABLED"),
                        Map.of("Name", "RDS_LOGIN_EVENTS", "Status", "ENABLED"),
                        Map.of("Name", "RUNTIME_MONITORING", "Status", "ENABLED", "AdditionalConfiguration",
                                List.of(Map.of("Name", "ECS_FARGATE_AGENT_MANAGEMENT", "Status", "ENABLED"))),
                        Map.of("Name", "LAMBDA_NETWORK_LOGS", "Status", "ENABLED"))));
    }

    @Test
    void devSwitchesPlansOffAndPublishesLessOften() {
        Template t = SecurityTemplates.of("dev");
        t.hasResourceProperties("AWS::GuardDuty::Detector", Map.of("FindingPublishingFrequency", "SIX_HOURS",
                "Features", Match.arrayWith(List.of(Map.of("Name", "EBS_MALWARE_PROTECTION", "Status", "DISABLED")))));
    }

    @Test
    void findingsAreRoutedByNumericSeverity() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "django-ms-prod-guardduty-high",
                "EventPattern", Map.of("source", List.of("aws.guardduty"), "detail-type", List.of("GuardDuty Finding"),
                        "detail", Map.of("severity", List.of(Map.of("numeric", List.of(">=", 7))))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Match.objectLike(Map.of("Fn::ImportValue",
                        Match.stringLikeRegexp("Critical"))))))));
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "django-ms-prod-guardduty-medium",
                "EventPattern", Match.objectLike(Map.of("detail", Map.of("severity",
                        List.of(Map.of("numeric", List.of(">=", 4, "<", 7))))))));
    }
}
