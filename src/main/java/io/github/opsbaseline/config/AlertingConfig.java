package io.github.opsbaseline.config;

import static io.github.opsbaseline.config.JsonPaths.field;
import static io.github.opsbaseline.config.JsonPaths.index;

import io.github.opsbaseline.alerting.AlertChannels;
import io.github.opsbaseline.alerting.AlertTopicsProps;
import io.github.opsbaseline.alerting.Severity;
import io.github.opsbaseline.core.ResourceNames;
import software.amazon.awscdk.RemovalPolicy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who hears about what. {@code contacts} are routed by the seed's rules (critical: email, Slack,
 * SMS, PagerDuty, webhooks; warning: email, Slack, webhooks; info: Slack); the per-severity blocks
 * add channels to exactly one severity.
 *
 * @param contacts channels routed to severities by the seed's rules; default none
 * @param critical extra channels for critical alerts only; default none
 * @param warning extra channels for warnings only; default none
 * @param info extra channels for info events only; default none
 */
public record AlertingConfig(Channels contacts, Channels critical, Channels warning, Channels info) {

    public AlertingConfig {
        contacts = contacts == null ? Channels.none() : contacts;
        critical = critical == null ? Channels.none() : critical;
        warning = warning == null ? Channels.none() : warning;
        info = info == null ? Channels.none() : info;
    }

    public static AlertingConfig none() {
        return new AlertingConfig(null, null, null, null);
    }

    /** The channels a severity finally gets: routed contacts plus its own block. */
    public Channels channelsFor(Severity severity) {
        Channels own = switch (severity) {
            case CRITICAL -> critical;
            case WARNING -> warning;
            case INFO -> info;
        };
        return contacts.routedTo(severity).plus(own);
    }

    /**
     * The props of the severity topics these channels feed.
     *
     * @param purpose the name part of the topics ({@code alerts}, {@code cost-alerts})
     */
    public AlertTopicsProps toTopicsProps(ResourceNames names, RemovalPolicy removalPolicy, String purpose) {
        return topicsProps(names, removalPolicy, purpose).build();
    }

    /** {@link #toTopicsProps}, still open to more settings. */
    public AlertTopicsProps.Builder topicsProps(ResourceNames names, RemovalPolicy removalPolicy, String purpose) {
        AlertTopicsProps.Builder props = AlertTopicsProps.builder().names(names).removalPolicy(removalPolicy).purpose(purpose);
        for (Severity severity : Severity.values()) {
            props.channels(severity, channelsFor(severity).toAlertChannels());
        }
        return props;
    }

    void validate(ConfigProblems problems, String path) {
        Map<String, Channels> blocks = new LinkedHashMap<>();
        blocks.put("contacts", contacts);
        blocks.put("critical", critical);
        blocks.put("warning", warning);
        blocks.put("info", info);
        blocks.forEach((name, channels) -> channels.validate(problems, field(path, name)));
        // Each Slack channel becomes one Chatbot configuration, named after the channel id and
        // identified by workspace and channel id run together: the same pair in two blocks is one
        // channel, but two pairs sharing either would be two resources of one name.
        Map<String, SlackChannel> byChannel = new HashMap<>();
        Map<String, SlackChannel> byJoinedIds = new HashMap<>();
        Map<SlackChannel, String> firstAt = new HashMap<>();
        blocks.forEach((name, channels) -> {
            for (int i = 0; i < channels.slack().size(); i++) {
                SlackChannel s = channels.slack().get(i);
                if (s == null || s.workspaceId() == null || s.channelId() == null) {
                    continue;
                }
                String at = index(field(field(path, name), "slack"), i);
                firstAt.putIfAbsent(s, at);
                SlackChannel sameChannel = byChannel.putIfAbsent(s.channelId(), s);
                SlackChannel sameJoined = byJoinedIds.putIfAbsent(s.workspaceId() + s.channelId(), s);
                if (sameChannel != null && !sameChannel.equals(s)) {
                    problems.add(field(at, "channelId"), "expected a channel id in one workspace only, found "
                            + ConfigProblems.quote(s.channelId()) + " in " + ConfigProblems.quote(s.workspaceId())
                            + " and in " + ConfigProblems.quote(sameChannel.workspaceId()) + " (at " + firstAt.get(sameChannel) + ")");
                } else if (sameJoined != null && !sameJoined.equals(s)) {
                    problems.add(at, "expected workspace and channel ids that do not run together into another"
                            + " channel's, found " + ConfigProblems.quote(s.workspaceId()) + " and "
                            + ConfigProblems.quote(s.channelId()) + ", which make " + ConfigProblems.quote(s.workspaceId()
                            + s.channelId()) + " as " + firstAt.get(sameJoined) + " does");
                }
            }
        });
    }

    /**
     * Notification channels.
     *
     * @param emails email addresses (SNS email subscriptions, confirmed by the recipient)
     * @param sms phone numbers in E.164 form, e.g. {@code +14155550100}
     * @param slack Slack channels reached through AWS Chatbot
     * @param pagerDuty PagerDuty CloudWatch integration URLs ({@code https://events.pagerduty.com/integration/<32-character
     *     key>/enqueue}, or {@code events.eu.pagerduty.com}); the Events API's own endpoints do not take SNS messages
     * @param webhooks other HTTPS endpoints that accept SNS notifications
     */
    public record Channels(List<String> emails, List<String> sms, List<SlackChannel> slack,
                           List<String> pagerDuty, List<String> webhooks) {

        public Channels {
            emails = emails == null ? List.of() : List.copyOf(emails);
            sms = sms == null ? List.of() : List.copyOf(sms);
            slack = slack == null ? List.of() : List.copyOf(slack);
            pagerDuty = pagerDuty == null ? List.of() : List.copyOf(pagerDuty);
            webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        }

        public static Channels none() {
            return new Channels(null, null, null, null, null);
        }

        /** The part of these contacts that the seed's routing sends to {@code severity}. */
        public Channels routedTo(Severity severity) {
            return switch (severity) {
                case CRITICAL -> this;
                case WARNING -> new Channels(emails, null, slack, null, webhooks);
                case INFO -> new Channels(null, null, slack, null, null);
            };
        }

        /** Both sets of channels, without repeating one. */
        public Channels plus(Channels other) {
            return new Channels(union(emails, other.emails), union(sms, other.sms), union(slack, other.slack),
                    union(pagerDuty, other.pagerDuty), union(webhooks, other.webhooks));
        }

        /** These channels as the alerting construct takes them; PagerDuty and webhooks are both HTTPS endpoints. */
        public AlertChannels toAlertChannels() {
            AlertChannels.Builder b = AlertChannels.builder();
            emails.forEach(b::email);
            sms.forEach(b::sms);
            slack.forEach(s -> b.slack(s.workspaceId(), s.channelId()));
            pagerDuty.forEach(b::https);
            webhooks.forEach(b::https);
            return b.build();
        }

        public boolean isEmpty() {
            return emails.isEmpty() && sms.isEmpty() && slack.isEmpty() && pagerDuty.isEmpty() && webhooks.isEmpty();
        }

        private static <T> List<T> union(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a);
            b.stream().filter(x -> !all.contains(x)).forEach(all::add);
            return all;
        }

        void validate(ConfigProblems problems, String path) {
            eachString(problems, field(path, "emails"), emails, (p, v) ->
                    problems.matches(p, v, Patterns.EMAIL, "an email address"));
            eachString(problems, field(path, "sms"), sms, (p, v) ->
                    problems.matches(p, v, Patterns.E164, "a phone number in E.164 form (+ country code and number, e.g. +14155550100)"));
            eachString(problems, field(path, "pagerDuty"), pagerDuty, (p, v) -> {
                problems.matches(p, v, Patterns.HTTPS_URL, "an https:// URL");
                if (Patterns.HTTPS_URL.matcher(v).matches()
                        // the CloudWatch integration's URL, the one that takes SNS messages (the Events
                        // API's own endpoints want their JSON body, which SNS does not send)
                        && !v.matches("https://events(\\.eu)?\\.pagerduty\\.com/integration/[0-9a-zA-Z]{32}/enqueue")) {
                    problems.add(p, "not a PagerDuty Events integration URL (https://events.pagerduty.com/integration/<key>/enqueue): "
                            + ConfigProblems.quote(v));
                }
            });
            eachString(problems, field(path, "webhooks"), webhooks, (p, v) ->
                    problems.matches(p, v, Patterns.HTTPS_URL, "an https:// URL"));
            // SNS refuses a second subscription of the same endpoint to a topic, and PagerDuty URLs
            // and webhooks are both HTTPS endpoints: one list of firsts catches a repeat anywhere.
            Map<Object, String> first = new HashMap<>();
            Map<String, List<?>> lists = new LinkedHashMap<>();
            lists.put("emails", emails);
            lists.put("sms", sms);
            lists.put("pagerDuty", pagerDuty);
            lists.put("webhooks", webhooks);
            lists.put("slack", slack);
            for (Map.Entry<String, List<?>> list : lists.entrySet()) {
                for (int i = 0; i < list.getValue().size(); i++) {
                    Object v = list.getValue().get(i);
                    if (v instanceof SlackChannel s && (s.workspaceId() == null || s.channelId() == null)) {
                        continue; // reported as missing below, not as a repeat
                    }
                    String p = index(field(path, list.getKey()), i);
                    String earlier = v == null ? null : first.putIfAbsent(v, p);
                    if (earlier != null) {
                        problems.add(p, "expected each channel once, found " + (v instanceof String text
                                ? ConfigProblems.quote(text) : "the same Slack channel") + " again (first at " + earlier + ")");
                    }
                }
            }
            for (int i = 0; i < slack.size(); i++) {
                SlackChannel s = slack.get(i);
                String p = index(field(path, "slack"), i);
                if (s == null) {
                    problems.add(p, "expected an object, found null");
                    continue;
                }
                if (problems.require(field(p, "workspaceId"), s.workspaceId())) {
                    problems.matches(field(p, "workspaceId"), s.workspaceId(), Patterns.SLACK_WORKSPACE,
                            "a Slack workspace id (T followed by 8-12 upper-case letters or digits)");
                }
                if (problems.require(field(p, "channelId"), s.channelId())) {
                    problems.matches(field(p, "channelId"), s.channelId(), Patterns.SLACK_CHANNEL,
                            "a Slack channel id (C, G or D followed by 8-12 upper-case letters or digits)");
                }
            }
        }

        private static void eachString(ConfigProblems problems, String listPath, List<String> values,
                                       java.util.function.BiConsumer<String, String> check) {
            for (int i = 0; i < values.size(); i++) {
                String v = values.get(i);
                if (v == null) {
                    problems.add(index(listPath, i), "expected a string, found null");
                } else {
                    check.accept(index(listPath, i), v);
                }
            }
        }
    }

    /**
     * A Slack channel in a workspace already authorized in the AWS Chatbot console.
     *
     * @param workspaceId the Slack workspace (team) id, e.g. {@code T07EA123LEP}
     * @param channelId the channel id, e.g. {@code C07EZ1ABC23}
     */
    public record SlackChannel(String workspaceId, String channelId) { }
}
