package io.github.opsbaseline.alerting;

import io.github.opsbaseline.core.ResourceNames;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import software.amazon.awscdk.RemovalPolicy;

/**
 * Props of {@link AlertTopics}.
 *
 * @param names naming scheme; topics are named {@code <project>-<env>-alerts-<severity>}; required
 * @param channels where each severity goes; default none for every severity
 * @param removalPolicy what happens to the topics' KMS key on stack deletion; default RETAIN
 * @param purpose the name part of the topics, key alias and Slack configurations; a second set of
 *     topics in the same account (e.g. for cost alerts in us-east-1) needs its own; default {@code alerts}
 * @param slack whether this set creates the AWS Chatbot configurations of its Slack channels; false for
 *     a second set in an account whose first set already configures the same channels, because Chatbot
 *     allows one configuration per Slack channel per account; default true
 * @param slackAlsoCarries by severity, the ARN of another set's topic that this set's Slack
 *     configurations also subscribe to (the second set's, when its own {@code slack} is false); that
 *     topic must exist before this set is deployed; default none
 */
public record AlertTopicsProps(ResourceNames names, Map<Severity, AlertChannels> channels, RemovalPolicy removalPolicy,
                               String purpose, Boolean slack, Map<Severity, String> slackAlsoCarries) {

    public AlertTopicsProps {
        Objects.requireNonNull(names, "names");
        EnumMap<Severity, AlertChannels> all = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            all.put(s, channels != null && channels.containsKey(s) ? channels.get(s) : AlertChannels.none());
        }
        channels = java.util.Collections.unmodifiableMap(all);
        removalPolicy = removalPolicy == null ? RemovalPolicy.RETAIN : removalPolicy;
        purpose = purpose == null ? "alerts" : purpose;
        slack = slack == null || slack;
        EnumMap<Severity, String> also = new EnumMap<>(Severity.class);
        if (slackAlsoCarries != null) {
            also.putAll(slackAlsoCarries);
        }
        slackAlsoCarries = java.util.Collections.unmodifiableMap(also);
    }

    /** Props without the Slack settings: this set configures its own Slack channels. */
    public AlertTopicsProps(ResourceNames names, Map<Severity, AlertChannels> channels, RemovalPolicy removalPolicy,
                            String purpose) {
        this(names, channels, removalPolicy, purpose, null, null);
    }

    /** The same props whose Slack configurations also carry these topics, by severity. */
    public AlertTopicsProps withSlackAlsoCarries(Map<Severity, String> topicArns) {
        return new AlertTopicsProps(names, channels, removalPolicy, purpose, slack, topicArns);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private ResourceNames names;
        private final Map<Severity, AlertChannels> channels = new EnumMap<>(Severity.class);
        private RemovalPolicy removalPolicy;
        private String purpose;
        private Boolean slack;
        private final Map<Severity, String> slackAlsoCarries = new EnumMap<>(Severity.class);

        public Builder names(ResourceNames names) {
            this.names = names;
            return this;
        }

        public Builder channels(Severity severity, AlertChannels channels) {
            this.channels.put(severity, channels);
            return this;
        }

        public Builder removalPolicy(RemovalPolicy removalPolicy) {
            this.removalPolicy = removalPolicy;
            return this;
        }

        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        public Builder slack(boolean slack) {
            this.slack = slack;
            return this;
        }

        public Builder slackAlsoCarries(Severity severity, String topicArn) {
            this.slackAlsoCarries.put(severity, topicArn);
            return this;
        }

        public AlertTopicsProps build() {
            return new AlertTopicsProps(names, channels, removalPolicy, purpose, slack, slackAlsoCarries);
        }
    }
}
