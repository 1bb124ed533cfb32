package io.github.opsbaseline.alerting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Where one severity's notifications go. Build with {@link #builder()}; every list defaults to
 * empty.
 *
 * @param emails email addresses, subscribed by SNS (the recipient confirms once)
 * @param smsNumbers phone numbers in E.164 form
 * @param slackChannels Slack channels reached through AWS Chatbot
 * @param httpsEndpoints HTTPS endpoints that accept SNS notifications: PagerDuty integration URLs
 *     and generic webhooks
 */
public record AlertChannels(List<String> emails, List<String> smsNumbers, List<SlackTarget> slackChannels,
                            List<String> httpsEndpoints) {

    /** Each channel is kept once, in first-seen order: SNS refuses a second subscription of an endpoint. */
    public AlertChannels {
        emails = List.copyOf(new LinkedHashSet<>(emails));
        smsNumbers = List.copyOf(new LinkedHashSet<>(smsNumbers));
        slackChannels = List.copyOf(new LinkedHashSet<>(slackChannels));
        httpsEndpoints = List.copyOf(new LinkedHashSet<>(httpsEndpoints));
    }

    /** No channels: the topic exists for integrations (other stacks, Chatbot added later). */
    public static AlertChannels none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A Slack channel of a workspace already authorized in the AWS Chatbot console.
     *
     * @param workspaceId the Slack workspace (team) id
     * @param channelId the Slack channel id
     */
    public record SlackTarget(String workspaceId, String channelId) { }

    public static final class Builder {
        private final List<String> emails = new ArrayList<>();
        private final List<String> sms = new ArrayList<>();
        private final List<SlackTarget> slack = new ArrayList<>();
        private final List<String> https = new ArrayList<>();

        public Builder email(String address) {
            emails.add(address);
            return this;
        }

        public Builder sms(String e164Number) {
            sms.add(e164Number);
            return this;
        }

        public Builder slack(String workspaceId, String channelId) {
            slack.add(new SlackTarget(workspaceId, channelId));
            return this;
        }

        /** A PagerDuty Events integration URL or any HTTPS webhook that confirms SNS subscriptions. */
        public Builder https(String url) {
            https.add(url);
            return this;
        }

        public AlertChannels build() {
            return new AlertChannels(emails, sms, slack, https);
        }
    }
}
