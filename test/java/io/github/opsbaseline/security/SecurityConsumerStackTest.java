package io.github.opsbaseline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.config.SecurityConfig;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.testing.NagFindings;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sns.Topic;

/**
 * The README's "Using the constructs from your own stack" for security, as written there: a team's
 * stack with its own topics, trail log group and load balancer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityConsumerStackTest {

    private static final String ALB = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/shop-alb/0123456789abcdef";

    private Stack stack;
    private Template template;

    @BeforeAll
    void synth() {
        // GIVEN the team's stack, topics and trail log group
        stack = new Stack(TestApps.app(), "Team", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
        IAlertTopics topics = IAlertTopics.fromTopics(
                Topic.fromTopicArn(stack, "Critical", "arn:aws:sns:eu-west-1:123456789012:shop-critical"),
                Topic.fromTopicArn(stack, "Warning", "arn:aws:sns:eu-west-1:123456789012:shop-warning"),
                Topic.fromTopicArn(stack, "Info", "arn:aws:sns:eu-west-1:123456789012:shop-info"));
        LogGroup myTrailLogGroup = LogGroup.Builder.create(stack, "TrailLogs").logGroupName("shop-trail").build();

        // WHEN the README's lines build the firewall, threat detection and CIS alarms
        ResourceNames names = new ResourceNames("shop", "prod");
        Key logsKey = LogEncryptionKey.create(stack, "LogsKey", "shop-prod-logs", RemovalPolicy.RETAIN);
        new WebFirewall(stack, "Waf", new WebFirewallProps(names, topics, List.of(ALB),
                SecurityConfig.Waf.defaults(), logsKey, RemovalPolicy.RETAIN));
        new ThreatDetection(stack, "GuardDuty", new ThreatDetection.Props(names, topics, null));
        new CisAlarms(stack, "Cis", new CisAlarms.Props(names, topics, myTrailLogGroup, null));
        CompliancePacks.apply(stack, List.of());
        template = Template.fromStack(stack);
    }

    @Test
    void theFirewallIsNamedByTheSchemeAndGuardsTheTeamsLoadBalancer() {
        template.hasResourceProperties("AWS::WAFv2::WebACL", Map.of("Name", "shop-prod-web-acl", "Scope", "REGIONAL"));
        template.hasResourceProperties("AWS::WAFv2::WebACLAssociation", Map.of("ResourceArn", ALB));
        template.hasResourceProperties("AWS::Logs::LogGroup", Map.of("LogGroupName", "aws-waf-logs-shop-prod",
                "KmsKeyId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("LogsKey"), "Arn"))));
    }

    @Test
    void guardDutyFindingsReachTheTeamsTopics() {
        template.resourceCountIs("AWS::GuardDuty::Detector", 1);
        template.hasResourceProperties("AWS::Events::Rule", Map.of("Name", "shop-prod-guardduty-high",
                "Targets", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Arn", "arn:aws:sns:eu-west-1:123456789012:shop-critical"))))));
    }

    @Test
    void everyCisControlFiltersTheTeamsTrailLogGroup() {
        assertThat(template.findResources("AWS::Logs::MetricFilter")).hasSize(CisControl.values().length)
                .allSatisfy((id, r) -> assertThat(((Map<?, ?>) r.get("Properties")).get("LogGroupName"))
                        .isEqualTo(Map.of("Ref", stack.getLogicalId((software.amazon.awscdk.CfnElement)
                                stack.getNode().findChild("TrailLogs").getNode().getDefaultChild()))));
    }

    @Test
    void awsSolutionsFindsNothingUnsuppressed() {
        assertThat(NagFindings.of(stack)).isEmpty();
    }

    @Test
    void anL2LoadBalancersArnIsProtectedUnderItsOwnNameAndAWrongArnIsNamed() {
        // GIVEN a team's two L2 load balancers, whose ARNs are tokens until deploy, protected together
        // and then the second one alone (the first removed)
        ResourceNames names = new ResourceNames("shop", "prod");
        Map<String, String> bothIds = protect(names, true);
        Map<String, String> secondIds = protect(names, false);

        // THEN each is protected under a name of its own, so removing the first leaves the second's
        // association and Shield protection as they were (their ARN cannot change in place)
        assertThat(bothIds).hasSize(4);
        assertThat(secondIds).hasSize(2);
        assertThat(bothIds).containsAllEntriesOf(secondIds);
        assertThat(secondIds.values()).allSatisfy(ref -> assertThat(ref).isEqualTo("AlbB"));
        assertThat(secondIds.keySet()).anySatisfy(id -> assertThat(id).startsWith("WafAssociationrefAlbB"))
                .anySatisfy(id -> assertThat(id).startsWith("ShieldProtectionrefAlbB"));

        // and an ARN written out that is not an ALB's is refused with what was expected and found
        Stack other = new Stack(TestApps.app(), "Other");
        Key otherKey = LogEncryptionKey.create(other, "LogsKey", "shop-prod-logs", RemovalPolicy.RETAIN);
        IAlertTopics otherTopics = IAlertTopics.fromTopics(new Topic(other, "C"), new Topic(other, "W"), new Topic(other, "I"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new WebFirewall(other, "Waf", new WebFirewallProps(names,
                        otherTopics, List.of("arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123"),
                        SecurityConfig.Waf.defaults(), otherKey, RemovalPolicy.RETAIN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("loadBalancerArns: expected an Application Load Balancer's ARN (arn:<partition>:elasticloadbalancing:"
                        + "<region>:<account>:loadbalancer/app/<name>/<id>), found"
                        + " \"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/api/0123\"");
    }

    /** Logical ids of the WAF associations and Shield protections, each with the load balancer it refers to. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> protect(ResourceNames names, boolean both) {
        Stack team = new Stack(TestApps.app(), "TeamL2", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
        Vpc vpc = Vpc.Builder.create(team, "Vpc").maxAzs(2).natGateways(0).build();
        List<String> arns = new java.util.ArrayList<>();
        for (String id : both ? List.of("AlbA", "AlbB") : List.of("AlbB")) {
            ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(team, id).vpc(vpc).build();
            ((software.amazon.awscdk.CfnResource) alb.getNode().getDefaultChild()).overrideLogicalId(id);
            arns.add(alb.getLoadBalancerArn());
        }
        IAlertTopics topics = IAlertTopics.fromTopics(new Topic(team, "C"), new Topic(team, "W"), new Topic(team, "I"));
        Key key = LogEncryptionKey.create(team, "LogsKey", "shop-prod-logs", RemovalPolicy.RETAIN);
        new WebFirewall(team, "Waf", new WebFirewallProps(names, topics, arns, SecurityConfig.Waf.defaults(), key,
                RemovalPolicy.RETAIN));
        new ShieldProtection(team, "Shield", names, arns);
        Template t = Template.fromStack(team);
        Map<String, String> refs = new java.util.TreeMap<>();
        for (String type : List.of("AWS::WAFv2::WebACLAssociation", "AWS::Shield::Protection")) {
            t.findResources(type).forEach((id, r) -> refs.put(id, (String) ((Map<String, Object>) ((Map<String, Object>)
                    r.get("Properties")).get("ResourceArn")).get("Ref")));
        }
        t.hasResourceProperties("AWS::Shield::Protection", Map.of("Name", "shop-prod-shield-ref-albb"));
        return refs;
    }
}
