package io.github.opsbaseline.security;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

class SecurityHubFindingsTest {

    @Test
    void prodEnablesTheHubAndTheStandardsOfItsComplianceList() {
        Template t = SecurityTemplates.of("prod");
        t.resourceCountIs("AWS::SecurityHub::Hub", 1);
        t.resourceCountIs("AWS::SecurityHub::Standard", 4);
        for (String path : List.of("aws-foundational-security-best-practices/v/1.0.0",
                "cis-aws-foundations-benchmark/v/3.0.0", "pci-dss/v/3.2.1", "nist-800-53/v/5.0.0")) {
            t.hasResourceProperties("AWS::SecurityHub::Standard", Map.of("StandardsArn", Map.of("Fn::Join",
                    List.of("", List.of("arn:", Map.of("Ref", "AWS::Partition"),
                            ":securityhub:ap-southeast-1::standards/" + path)))));
        }
    }

    @Test
    void newActiveHighFindingsGoToTheCriticalTopic() {
        Template t = SecurityTemplates.of("prod");
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "django-ms-prod-securityhub-high",
                "EventPattern", Map.of("source", List.of("aws.securityhub"),
                        "detail-type", List.of("Security Hub Findings - Imported"),
                        "detail", Map.of("findings", Map.of("Severity", Map.of("Label", List.of("HIGH", "CRITICAL")),
                                "Workflow", Map.of("Status", List.of("NEW")), "RecordState", List.of("ACTIVE")))),
                "Targets", List.of(Match.objectLike(Map.of("Arn", Map.of("Fn::ImportValue", Match.stringLikeRegexp("Critical"))))),
                "State", "ENABLED"));
    }

    @Test
    void devLeavesSecurityHubOff() {
        SecurityTemplates.of("dev").resourceCountIs("AWS::SecurityHub::Hub", 0);
    }
}
