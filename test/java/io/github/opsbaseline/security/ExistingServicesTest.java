package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;

/**
 * One GuardDuty detector, one Config recorder and one Security Hub per account and region: when
 * the account already has them, the stack adds only the rules and routing, built from typed props
 * without any environment file.
 */
class ExistingServicesTest {

    @Test
    void withExistingDetectorRecorderAndHubOnlyRulesAreCreated() {
        // GIVEN typed props that reuse the account's detector, recorder and hub
        SecurityConfig security = new SecurityConfig(
                new SecurityConfig.Waf(false, null, null, null, null, null, null, null, null, null, null, null, null, null),
                new SecurityConfig.GuardDuty(null, false, null, null, null, null, null, null, null),
                null,
                new SecurityConfig.AwsConfig(null, false, null, null, null, null, null),
                null,
                new SecurityConfig.SecurityHub(true, false),
                false, null);

        // WHEN the stack is built
        Template t = synth(security);

        // THEN no detector, recorder, channel or hub, but the routing rules and Config rules exist
        t.resourceCountIs("AWS::GuardDuty::Detector", 0);
        t.resourceCountIs("AWS::Config::ConfigurationRecorder", 0);
        t.resourceCountIs("AWS::Config::DeliveryChannel", 0);
        t.resourceCountIs("AWS::SecurityHub::Hub", 0);
        t.resourceCountIs("AWS::WAFv2::WebACL", 0);
        t.resourceCountIs("AWS::AccessAnalyzer::Analyzer", 0);
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "shop-prod-guardduty-high"));
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "shop-prod-config-non-compliant"));
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "shop-prod-securityhub-high"));
        // CIS's 20 rules (ComplianceRules.TABLE), counted by hand so a dropped rule fails here
        t.resourceCountIs("AWS::Config::ConfigRule", 20);
        t.resourceCountIs("AWS::SecurityHub::Standard", 2);
    }

    @Test
    void standardsSetByTheOrganizationsCentralConfigurationAreLeftToIt() {
        SecurityConfig security = new SecurityConfig(
                new SecurityConfig.Waf(false, null, null, null, null, null, null, null, null, null, null, null, null, null),
                null, null, null, null, new SecurityConfig.SecurityHub(true, false, false), false, null);

        Template t = synth(security);

        t.resourceCountIs("AWS::SecurityHub::Hub", 0);
        t.resourceCountIs("AWS::SecurityHub::Standard", 0);
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "shop-prod-securityhub-high"));
    }

    @Test
    void aControlTowerAccountWithItsOwnTrailAndRecorderNeedsNoBucket() {
        // GIVEN the organization's trail and recorder: CloudTrail off, the existing recorder reused
        SecurityConfig security = new SecurityConfig(
                new SecurityConfig.Waf(false, null, null, null, null, null, null, null, null, null, null, null, null, null),
                null,
                new SecurityConfig.CloudTrail(false, null, null, null, null, null, null),
                new SecurityConfig.AwsConfig(null, false, null, null, null, null, null),
                null, null, false, null);

        // WHEN the stack is built (it threw a NullPointerException for the missing access-log bucket)
        Template t = synth(security);

        // THEN no bucket, trail or recorder, and the Config rules and their routing are there
        t.resourceCountIs("AWS::S3::Bucket", 0);
        t.resourceCountIs("AWS::CloudTrail::Trail", 0);
        t.resourceCountIs("AWS::Config::ConfigurationRecorder", 0);
        t.resourceCountIs("AWS::Config::ConfigRule", 20);
        t.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "shop-prod-config-non-compliant"));
    }

    /** The security stack of {@code security} with CIS, built from typed props, topics in a stack of their own. */
    private static Template synth(SecurityConfig security) {
        App app = new App();
        Environment where = Environment.builder().account("123456789012").region("eu-west-1").build();
        Stack topics = new Stack(app, "topics", StackProps.builder().env(where).build());
        IAlertTopics alertTopics = IAlertTopics.fromTopics(new Topic(topics, "C"), new Topic(topics, "W"),
                new Topic(topics, "I"));
        return Template.fromStack(new SecurityStack(app, "security", new SecurityStackProps(
                StackProps.builder().env(where).build(), new ResourceNames("shop", "prod"), alertTopics,
                RemovalPolicy.RETAIN, security, List.of(ComplianceStandard.CIS), List.of(), Map.of())));
    }
}
