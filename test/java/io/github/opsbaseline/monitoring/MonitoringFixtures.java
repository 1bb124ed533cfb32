package io.github.opsbaseline.monitoring;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.core.ResourceNames;
import io.github.opsbaseline.monitoring.alarm.AlarmOptions;
import io.github.opsbaseline.testing.TestApps;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.services.sns.Topic;

/** Shared test setup: a stack with three plain severity topics and the alarm options over them. */
public final class MonitoringFixtures {

    private MonitoringFixtures() { }

    public static final ResourceNames NAMES = new ResourceNames("shop", "test");

    public static Stack stack() {
        return new Stack(TestApps.app(), "Test", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build());
    }

    public static AlarmOptions options(Stack stack) {
        IAlertTopics topics = IAlertTopics.fromTopics(new Topic(stack, "Critical"), new Topic(stack, "Warning"),
                new Topic(stack, "Info"));
        return AlarmOptions.of(NAMES, topics);
    }

    /** The {@code Ref} of the topic a severity's actions must point at. */
    public static Object topicRef(String severity) {
        return Match.objectLike(Map.of("Ref", Match.stringLikeRegexp("^" + severity + ".*")));
    }

    /** Alarm and OK actions both to the severity's topic. */
    public static Map<String, Object> actionsTo(String severity) {
        return Map.of("AlarmActions", List.of(topicRef(severity)), "OKActions", List.of(topicRef(severity)));
    }
}
