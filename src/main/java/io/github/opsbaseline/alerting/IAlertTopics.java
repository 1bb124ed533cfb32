package io.github.opsbaseline.alerting;

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

    /** Wraps topics created elsewhere (imported by ARN or built by the caller). */
    static IAlertTopics fromTopics(ITopic critical, ITopic warning, ITopic info) {
        return new ExistingAlertTopics(critical, warning, info);
    }
}
