package io.github.opsbaseline.security;

import io.github.opsbaseline.alerting.IAlertTopics;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.sns.Topic;

/**
 * The security stack of a real environment file, synthesized once per JVM and shared by the
 * construct tests (a Java CDK synth costs seconds). Topics live in their own stack, as in the app.
 */
final class SecurityTemplates {

    private static final Map<String, Template> CACHE = new HashMap<>();

    private SecurityTemplates() { }

    static synchronized Template of(String env) {
        return CACHE.computeIfAbsent(env, e -> {
            EnvironmentConfig config = new ConfigLoader(Path.of("stacks-config")).load(e);
            App app = new App();
            Environment where = Environment.builder().account(config.account()).region(config.region()).build();
            Stack topics = new Stack(app, "topics", StackProps.builder().env(where).build());
            IAlertTopics alertTopics = IAlertTopics.fromTopics(new Topic(topics, "Critical"),
                    new Topic(topics, "Warning"), new Topic(topics, "Info"));
            SecurityStack stack = new SecurityStack(app, "security", SecurityStackProps.fromConfig(config,
                    StackProps.builder().env(where).build(), alertTopics));
            return Template.fromStack(stack);
        });
    }

    /** Asserts that {@code env}'s template has a key whose policy holds this statement (matched loosely). */
    static void hasKeyStatement(String env, Map<String, Object> statement) {
        of(env).hasResourceProperties("AWS::KMS::Key", Match.objectLike(Map.of("KeyPolicy", Match.objectLike(Map.of(
                "Statement", Match.arrayWith(List.of(Match.objectLike(statement))))))));
    }
}
