package io.github.opsbaseline.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;

class AlertTopicsTest {

    private static final ResourceNames NAMES = new ResourceNames("shop", "prod");

    private static Template synth(AlertTopicsProps props) {
        Stack stack = new Stack(TestApps.app(), "Alerting");
        new AlertTopics(stack, "Alerts", props);
        return Template.fromStack(stack);
    }

    @Test
    void createsOneEncryptedTlsOnlyTopicPerSeverityWithARotatingKey() {
        Template template = synth(AlertTopicsProps.builder().names(NAMES).build());

        template.resourceCountIs("AWS::SNS::Topic", 3);
        for (String severity : List.of("critical", "warning", "info")) {
            template.hasResourceProperties("AWS::SNS::Topic", Map.of(
                    "TopicName", "shop-prod-alerts-" + severity,
                    "KmsMasterKeyId", Match.objectLike(Map.of("Fn::GetAtt", Match.arrayWith(List.of("Arn"))))));
        }
        template.hasResourceProperties("AWS::KMS::Key", Map.of("EnableKeyRotation", true));
        template.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Retain", "UpdateReplacePolicy", "Retain"));
        template.hasResourceProperties("AWS::KMS::Alias", Map.of("AliasName", "alias/shop-prod-alerts"));
        // enforceSSL: publishing over plain HTTP is denied
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Deny",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void cloudWatchEventBridgeBudgetsAnomalyDetectionAndBackupMayPublishAndUseTheKey() {
        Template template = synth(AlertTopicsProps.builder().names(NAMES).build());

        Object publishers = Map.of("Service", AlertTopics.PUBLISHERS);
        template.hasResourceProperties("AWS::KMS::Key", Map.of("KeyPolicy", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowAlertPublishers",
                        "Principal", publishers,
                        "Action", List.of("kms:Decrypt", "kms:GenerateDataKey*")))))))); 
        template.hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Sid", "AllowAlertPublishers",
                        "Principal", publishers,
                        "Action", "sns:Publish",
                        "Condition", Map.of("StringEquals", Match.objectLike(Map.of())))))))));
    }

    @Test
    void thePublishersMayUseTheKeyOnlyThroughSnsForTheseTopics() {
        // GIVEN the topics in an account and region
        Stack stack = new Stack(TestApps.app(), "Alerting", software.amazon.awscdk.StackProps.builder()
                .env(software.amazon.awscdk.Environment.builder().account("123456789012").region("eu-west-1").build())
                .build());
        new AlertTopics(stack, "Alerts", AlertTopicsProps.builder().names(NAMES).build());
        Template template = Template.fromStack(stack);

        // WHEN the publishers' key statement is read, its ARN pattern with the partition filled in
        Map<?, ?> statement = allows(template).stream().filter(st -> "AllowAlertPublishers".equals(st.get("Sid")))
                .filter(st -> st.get("Action").toString().contains("kms:Decrypt")).findFirst().orElseThrow();
        Map<?, ?> like = (Map<?, ?>) ((Map<?, ?>) statement.get("Condition")).get("StringLike");
        List<?> parts = (List<?>) ((List<?>) ((Map<?, ?>) like.get(AlertTopics.SNS_TOPIC_CONTEXT)).get("Fn::Join")).get(1);
        String pattern = parts.stream().map(part -> part instanceof Map ? "aws" : part.toString())
                .reduce("", String::concat);
        java.util.regex.Pattern glob = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(pattern).replace("*", "\\E.*\\Q"));

        // THEN every topic of this set matches it, and topics of another set, account or region do not
        List<String> topics = template.findResources("AWS::SNS::Topic").values().stream()
                .map(r -> "arn:aws:sns:eu-west-1:123456789012:" + ((Map<?, ?>) r.get("Properties")).get("TopicName"))
                .toList();
        assertThat(topics).hasSize(3).allSatisfy(arn -> assertThat(glob.matcher(arn).matches()).as(arn).isTrue());
        assertThat(List.of("arn:aws:sns:eu-west-1:123456789012:shop-prod-cost-alerts-critical",
                "arn:aws:sns:eu-west-1:210987654321:shop-prod-alerts-critical",
                "arn:aws:sns:us-east-1:123456789012:shop-prod-alerts-critical"))
                .allSatisfy(arn -> assertThat(glob.matcher(arn).matches()).as(arn).isFalse());
    }

    @Test
    void subscribesEachSeverityToItsOwnChannels() {
        Template template = synth(AlertTopicsProps.builder().names(NAMES)
                .channels(Severity.CRITICAL, AlertChannels.builder()
                        .email("ops@example.com").sms("+14155550100")
                        .https("https://events.pagerduty.com/integration/abc/enqueue").build())
                .channels(Severity.WARNING, AlertChannels.builder().email("ops@example.com").build())
                .build());

        template.resourceCountIs("AWS::SNS::Subscription", 4);
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "sms", "Endpoint", "+14155550100",
                "TopicArn", Map.of("Ref", Match.stringLikeRegexp("AlertsCritical.*"))));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "https",
                "Endpoint", "https://events.pagerduty.com/integration/abc/enqueue"));
        template.hasResourceProperties("AWS::SNS::Subscription", Map.of("Protocol", "email",
                "TopicArn", Map.of("Ref", Match.stringLikeRegexp("AlertsWarning.*"))));
        assertThat(template.findResources("AWS::SNS::Subscription", Map.of("Properties", Map.of(
                "TopicArn", Map.of("Ref", Match.stringLikeRegexp("AlertsInfo.*")))))).isEmpty();
    }

    @Test
    void aChannelGivenTwiceIsSubscribedOnce() {
        // GIVEN a caller that lists an address and an endpoint twice (SNS refuses a second subscription)
        AlertChannels channels = AlertChannels.builder().email("ops@example.com").email("ops@example.com")
                .https("https://hooks.example.com/sns").https("https://hooks.example.com/sns").build();
        // WHEN the topics are built THEN each is kept once and subscribed once
        assertThat(channels.emails()).containsExactly("ops@example.com");
        assertThat(channels.httpsEndpoints()).containsExactly("https://hooks.example.com/sns");
        Template template = synth(AlertTopicsProps.builder().names(NAMES).channels(Severity.CRITICAL, channels).build());
        template.resourceCountIs("AWS::SNS::Subscription", 2);
    }

    @Test
    void oneChatbotChannelPerSlackChannelSubscribedToEverySeverityRoutedToIt() {
        Template template = synth(AlertTopicsProps.builder().names(NAMES)
                .channels(Severity.CRITICAL, AlertChannels.builder().slack("T0123ABCD9", "C0ALERTS01").build())
                .channels(Severity.INFO, AlertChannels.builder().slack("T0123ABCD9", "C0ALERTS01").build())
                .build());

        template.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 1);
        template.hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Map.of(
                "ConfigurationName", "shop-prod-alerts-c0alerts01",
                "SlackWorkspaceId", "T0123ABCD9",
                "SlackChannelId", "C0ALERTS01",
                "LoggingLevel", "ERROR",
                "SnsTopicArns", List.of(Map.of("Ref", Match.stringLikeRegexp("AlertsCritical.*")),
                        Map.of("Ref", Match.stringLikeRegexp("AlertsInfo.*"))),
                "GuardrailPolicies", List.of(Map.of("Ref", Match.stringLikeRegexp("AlertsChatbotGuardrail.*")))));
        // the guardrail and the role allow reading alarms and metrics, nothing more
        template.hasResourceProperties("AWS::IAM::ManagedPolicy", Map.of("PolicyDocument", Map.of("Statement", List.of(
                Map.of("Effect", "Allow", "Resource", "*", "Action", List.of(
                        "cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData", "cloudwatch:GetMetricWidgetImage"))))));
        template.hasResourceProperties("AWS::IAM::Role", Map.of("AssumeRolePolicyDocument", Map.of("Statement",
                List.of(Match.objectLike(Map.of("Principal", Map.of("Service", "chatbot.amazonaws.com")))))));
    }

    @Test
    void aSecondSetLeavesTheChannelToTheFirstWhichCarriesItsTopics() {
        // GIVEN the same Slack channel routed in two sets of the account
        AlertChannels slack = AlertChannels.builder().slack("T0123ABCD9", "C0ALERTS01").build();
        Template second = synth(AlertTopicsProps.builder().names(NAMES).purpose("cost-alerts")
                .channels(Severity.WARNING, slack).slack(false).build());
        Template first = synth(AlertTopicsProps.builder().names(NAMES).channels(Severity.WARNING, slack)
                .slackAlsoCarries(Severity.WARNING, "arn:aws:sns:us-east-1:777788889999:shop-prod-cost-alerts-warning")
                .slackAlsoCarries(Severity.INFO, "arn:aws:sns:us-east-1:777788889999:shop-prod-cost-alerts-info")
                .build());

        // THEN only the first configures the channel, and it hears the second set's topic of each
        // severity routed to it (warning here; info is not routed to Slack)
        second.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
        second.resourceCountIs("AWS::IAM::Role", 0);
        first.hasResourceProperties("AWS::Chatbot::SlackChannelConfiguration", Map.of(
                "SlackChannelId", "C0ALERTS01",
                "SnsTopicArns", List.of(Map.of("Ref", Match.stringLikeRegexp("AlertsWarning.*")),
                        "arn:aws:sns:us-east-1:777788889999:shop-prod-cost-alerts-warning")));
    }

    @Test
    void noSlackChannelMeansNoChatbotResources() {
        Template template = synth(AlertTopicsProps.builder().names(NAMES).build());

        template.resourceCountIs("AWS::Chatbot::SlackChannelConfiguration", 0);
        template.resourceCountIs("AWS::IAM::Role", 0);
    }

    @Test
    void aDestroyPolicyReachesTheKey() {
        Template template = synth(AlertTopicsProps.builder().names(NAMES).removalPolicy(RemovalPolicy.DESTROY).build());

        template.hasResource("AWS::KMS::Key", Map.of("DeletionPolicy", "Delete"));
    }

    @Test
    void teamsCanPassTopicsOfTheirOwn() {
        Stack stack = new Stack(TestApps.app(), "Own");
        Topic critical = new Topic(stack, "C");
        Topic warning = new Topic(stack, "W");
        Topic info = new Topic(stack, "I");

        IAlertTopics topics = IAlertTopics.fromTopics(critical, warning, info);

        assertThat(topics.critical()).isSameAs(critical);
        assertThat(topics.topic(Severity.WARNING)).isSameAs(warning);
        assertThat(topics.info()).isSameAs(info);
    }

    /** Every Allow statement of every SNS topic policy and KMS key policy in the template. */
    private static List<Map<?, ?>> allows(Template template) {
        List<Map<?, ?>> allows = new java.util.ArrayList<>();
        for (String type : List.of("AWS::SNS::TopicPolicy", "AWS::KMS::Key")) {
            template.findResources(type).values().forEach(r -> {
                Map<?, ?> properties = (Map<?, ?>) r.get("Properties");
                Map<?, ?> document = (Map<?, ?>) properties.get(type.equals("AWS::KMS::Key") ? "KeyPolicy" : "PolicyDocument");
                ((List<?>) document.get("Statement")).stream().map(st -> (Map<?, ?>) st)
                        .filter(st -> "Allow".equals(st.get("Effect"))).forEach(allows::add);
            });
        }
        return allows;
    }

    @Test
    void eventRulesPublishThroughTheTopicsOwnConditionedPolicyAndAddNoGrant() {
        // GIVEN the topics and an EventBridge rule targeting the critical one, as the security and backup stacks do
        Stack stack = new Stack(TestApps.app(), "Alerting");
        AlertTopics topics = new AlertTopics(stack, "Alerts", AlertTopicsProps.builder().names(NAMES).build());
        software.amazon.awscdk.services.events.Rule.Builder.create(stack, "Findings")
                .eventPattern(software.amazon.awscdk.services.events.EventPattern.builder().source(List.of("aws.guardduty")).build())
                .targets(List.of(topics.eventTarget(Severity.CRITICAL, null))).build();
        Template template = Template.fromStack(stack);

        // THEN the rule targets the topic
        template.hasResourceProperties("AWS::Events::Rule", Map.of("Targets", List.of(Match.objectLike(Map.of(
                "Arn", Map.of("Ref", Match.stringLikeRegexp("AlertsCritical")))))));
        // AND the only statements letting a service principal (EventBridge among them) publish or use the
        // key are the topics' own AllowAlertPublishers, each limited to this account where SNS checks it
        assertThat(allows(template).stream().filter(st -> st.get("Principal").toString().contains("events.amazonaws.com")))
                .isNotEmpty()
                .allSatisfy(st -> assertThat(st.get("Sid")).isEqualTo("AllowAlertPublishers"));
        template.findResources("AWS::SNS::TopicPolicy").values().forEach(r -> assertThat(r.toString())
                .doesNotContain("Sid=2"));
    }

    @Test
    void topicsTheCallerOwnsGetTheCdksGrantForEventBridge() {
        // GIVEN a team's own topic passed in WHEN a rule targets it THEN the CDK's SnsTopic target grants EventBridge
        Stack stack = new Stack(TestApps.app(), "Team");
        Topic own = new Topic(stack, "Own");
        IAlertTopics topics = IAlertTopics.fromTopics(own, own, own);
        software.amazon.awscdk.services.events.Rule.Builder.create(stack, "Findings")
                .eventPattern(software.amazon.awscdk.services.events.EventPattern.builder().source(List.of("aws.guardduty")).build())
                .targets(List.of(topics.eventTarget(Severity.CRITICAL, null))).build();
        Template.fromStack(stack).hasResourceProperties("AWS::SNS::TopicPolicy", Map.of("PolicyDocument", Map.of(
                "Statement", List.of(Match.objectLike(Map.of("Action", "sns:Publish",
                        "Principal", Map.of("Service", "events.amazonaws.com")))),
                "Version", "2012-10-17")));
    }
}
