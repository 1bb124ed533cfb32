package io.github.opsbaseline.alerting;

import software.amazon.awscdk.services.events.IRuleTarget;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SnsTopic;
import software.amazon.awscdk.services.sns.ITopic;

/**
 * The three severity topics every alarm and event rule of the baseline publishes to.
 *
 * <p>{@link AlertTopics} creates them; a team with topics of its own passes them through
 * {@link #fromTopics(ITopic, ITopic, ITopic)} instead.
 */
public interface IAlertTopics {

    /** The topic for a severity; never null. */
    ITopic topic(Severity severity);

    default ITopic critical() {
        return topic(Severity.CRITICAL);
    }

    default ITopic warning() {
        return topic(Severity.WARNING);
    }

    default ITopic info() {
        return topic(Severity.INFO);
    }

    /**
     * An EventBridge rule target publishing to the severity's topic.
     *
     * <p>Here the CDK's {@code SnsTopic} target, which grants EventBridge publish on a topic the caller
     * owns. {@link AlertTopics} overrides it: its topic policy already lets this account's EventBridge
     * publish, and the CDK's grant would add a statement for any account's rules.
     *
     * @param message the notification text; null for the event itself
     */
    default IRuleTarget eventTarget(Severity severity, RuleTargetInput message) {
        return SnsTopic.Builder.create(topic(severity)).message(message).build();
    }

    /** Wraps topics created elsewhere (imported by ARN or built by the caller). */
    static IAlertTopics fromTopics(ITopic critical, ITopic warning, ITopic info) {
        return new ExistingAlertTopics(critical, warning, info);
    }
}
