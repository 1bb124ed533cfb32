package io.github.opsbaseline.alerting;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.opsbaseline.compliance.KeyGrantGuard;
import io.github.opsbaseline.core.ResourceNames;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.interfaces.events.IRuleRef;
import software.amazon.awscdk.services.chatbot.LoggingLevel;
import software.amazon.awscdk.services.chatbot.SlackChannelConfiguration;
import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.RuleTargetConfig;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.ManagedPolicy;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.SubscriptionProtocol;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.amazon.awscdk.services.sns.subscriptions.SmsSubscription;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscription;
import software.amazon.awscdk.services.sns.subscriptions.UrlSubscriptionProps;
import software.constructs.Construct;

/**
 * One SNS topic per severity, encrypted with a customer-managed key that CloudWatch alarms,
 * EventBridge rules, AWS Budgets, Cost Anomaly Detection and AWS Backup may use, with each
 * severity's email, SMS, HTTPS (PagerDuty, webhooks) and Slack (AWS Chatbot) subscriptions.
 */
public class AlertTopics extends Construct implements IAlertTopics {

    /** AWS services that publish the baseline's alerts; each needs the key and the topic. */
    static final List<String> PUBLISHERS = List.of(
            "cloudwatch.amazonaws.com", "events.amazonaws.com", "budgets.amazonaws.com",
            "costalerts.amazonaws.com", "backup.amazonaws.com");

    /** The encryption context key SNS puts the topic's ARN in. */
    static final String SNS_TOPIC_CONTEXT = "kms:EncryptionContext:aws:sns:topicArn";

    private final Key key;
    private final Map<Severity, Topic> topics = new EnumMap<>(Severity.class);

    public AlertTopics(Construct scope, String id, AlertTopicsProps props) {
        super(scope, id);
        ResourceNames names = props.names();
        key = KeyGrantGuard.guard(Key.Builder.create(this, "Key")
                .description("Encrypts the " + names.name(props.purpose()) + " topics")
                .enableKeyRotation(true)
                .alias("alias/" + names.name(props.purpose()))
                .removalPolicy(props.removalPolicy())
                .build());
        // Only through SNS, for this set's topics: SNS names the topic in the encryption context of
        // every KMS request it makes, so another account's alarm or rule cannot use this key through
        // a topic of its own (AWS's key policy for encrypted topics and AWS event sources). The topics'
        // ARNs would make a cycle (each topic names the key), so their name pattern stands in.
        String theseTopics = Stack.of(this).formatArn(ArnComponents.builder()
                .service("sns").resource(names.name(props.purpose()) + "-*")
                .arnFormat(ArnFormat.NO_RESOURCE_NAME).build());
        key.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AllowAlertPublishers")
                .effect(Effect.ALLOW)
                .principals(PUBLISHERS.stream().map(p -> (software.amazon.awscdk.services.iam.IPrincipal) new ServicePrincipal(p)).toList())
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("StringLike", Map.of(SNS_TOPIC_CONTEXT, theseTopics)))
                .build());

        for (Severity severity : Severity.values()) {
            Topic topic = Topic.Builder.create(this, capitalized(severity))
                    .topicName(topicName(names, props.purpose(), severity))
                    .displayName(names.prefix() + " " + severity.id() + " " + props.purpose())
                    .masterKey(key)
                    .enforceSsl(true)
                    .build();
            topic.addToResourcePolicy(PolicyStatement.Builder.create()
                    .sid("AllowAlertPublishers")
                    .effect(Effect.ALLOW)
                    .principals(PUBLISHERS.stream().map(p -> (software.amazon.awscdk.services.iam.IPrincipal) new ServicePrincipal(p)).toList())
                    .actions(List.of("sns:Publish"))
                    .resources(List.of(topic.getTopicArn()))
                    .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", Stack.of(this).getAccount())))
                    .build());
            subscribe(topic, props.channels().get(severity));
            topics.put(severity, topic);
        }
        if (props.slack()) {
            addSlack(names, props.purpose(), props.channels(), props.slackAlsoCarries());
        }
    }

    /** The name of a set's topic of one severity: {@code <project>-<env>-<purpose>-<severity>}. */
    public static String topicName(ResourceNames names, String purpose, Severity severity) {
        return names.name(purpose, severity.id());
    }

    private static void subscribe(Topic topic, AlertChannels channels) {
        channels.emails().forEach(email -> topic.addSubscription(new EmailSubscription(email)));
        channels.smsNumbers().forEach(number -> topic.addSubscription(new SmsSubscription(number)));
        channels.httpsEndpoints().forEach(url -> topic.addSubscription(new UrlSubscription(url,
                UrlSubscriptionProps.builder().protocol(SubscriptionProtocol.HTTPS).build())));
    }

    /**
     * One Chatbot channel configuration per Slack channel, subscribed to every severity routed to it
     * (and to the other set's topic of that severity, when {@code also} names one).
     */
    private void addSlack(ResourceNames names, String purpose, Map<Severity, AlertChannels> channels,
                          Map<Severity, String> also) {
        Map<Severity, ITopic> others = new EnumMap<>(Severity.class);
        also.forEach((severity, arn) -> others.put(severity,
                Topic.fromTopicArn(this, "SlackAlso" + capitalized(severity), arn)));
        Map<AlertChannels.SlackTarget, List<ITopic>> bySlack = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            for (AlertChannels.SlackTarget slack : channels.get(severity).slackChannels()) {
                List<ITopic> carried = bySlack.computeIfAbsent(slack, s -> new ArrayList<>());
                carried.add(topics.get(severity));
                if (others.containsKey(severity)) {
                    carried.add(others.get(severity));
                }
            }
        }
        if (bySlack.isEmpty()) {
            return;
        }
        // Chatbot only posts notifications and renders alarm charts: it needs to read alarms and
        // metrics, nothing else, so the role and the channel guardrail allow exactly that.
        PolicyStatement readAlarms = PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("cloudwatch:DescribeAlarms", "cloudwatch:GetMetricData", "cloudwatch:GetMetricWidgetImage"))
                .resources(List.of("*"))
                .build();
        ManagedPolicy guardrail = ManagedPolicy.Builder.create(this, "ChatbotGuardrail")
                .description("Limits what " + names.prefix() + " Slack channels can do: read alarms and metrics")
                .statements(List.of(readAlarms))
                .build();
        Role role = Role.Builder.create(this, "ChatbotRole")
                .assumedBy(new ServicePrincipal("chatbot.amazonaws.com"))
                .description("Lets AWS Chatbot render " + names.prefix() + " alarm notifications in Slack")
                .managedPolicies(List.of(guardrail))
                .maxSessionDuration(Duration.hours(1))
                .build();
        List<NagPackSuppression> readOnlyWildcard = List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("cloudwatch:DescribeAlarms, GetMetricData and GetMetricWidgetImage support no resource-level"
                        + " permissions; the statement is read-only and lists exact actions")
                .appliesTo(List.of("Resource::*"))
                .build());
        NagSuppressions.addResourceSuppressions(guardrail, readOnlyWildcard);
        for (Map.Entry<AlertChannels.SlackTarget, List<ITopic>> e : bySlack.entrySet()) {
            AlertChannels.SlackTarget slack = e.getKey();
            SlackChannelConfiguration.Builder.create(this, "Slack" + slack.workspaceId() + slack.channelId())
                    .slackChannelConfigurationName(names.name(purpose, slack.channelId()))
                    .slackWorkspaceId(slack.workspaceId())
                    .slackChannelId(slack.channelId())
                    .notificationTopics(e.getValue())
                    .role(role)
                    .guardrailPolicies(List.of(guardrail))
                    .loggingLevel(LoggingLevel.ERROR)
                    .build();
        }
    }

    @Override
    public ITopic topic(Severity severity) {
        return topics.get(severity);
    }

    /** The customer-managed key the topics are encrypted with. */
    public Key key() {
        return key;
    }

    private static String capitalized(Severity severity) {
        String id = severity.id();
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }

    /**
     * The topic's ARN as the target, and no grant: the topic policy's {@code AllowAlertPublishers}
     * already lets EventBridge publish, on the condition that the rule is in this account.
     */
    @Override
    public IRuleTarget eventTarget(Severity severity, RuleTargetInput message) {
        ITopic topic = topic(severity);
        return new IRuleTarget() {
            @Override
            public RuleTargetConfig bind(IRuleRef rule, String id) {
                return RuleTargetConfig.builder().arn(topic.getTopicArn()).input(message).targetResource(topic).build();
            }

            @Override
            public RuleTargetConfig bind(IRuleRef rule) {
                return bind(rule, null);
            }
        };
    }
}
