package io.github.opsbaseline.alerting;

import java.util.Objects;
import software.amazon.awscdk.services.sns.ITopic;

/** Topics the caller already has, one per severity. */
record ExistingAlertTopics(ITopic critical, ITopic warning, ITopic info) implements IAlertTopics {

    ExistingAlertTopics {
        Objects.requireNonNull(critical, "critical topic");
        Objects.requireNonNull(warning, "warning topic");
        Objects.requireNonNull(info, "info topic");
    }

    @Override
    public ITopic topic(Severity severity) {
        return switch (severity) {
            case CRITICAL -> critical;
            case WARNING -> warning;
            case INFO -> info;
        };
    }
}
