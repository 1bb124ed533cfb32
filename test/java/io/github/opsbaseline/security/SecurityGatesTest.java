package io.github.opsbaseline.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.compliance.BaselineTags;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.compliance.KeyGrantGuard;
import io.github.opsbaseline.monitoring.MonitoringStack;
import io.github.opsbaseline.monitoring.MonitoringStackProps;
import io.github.opsbaseline.testing.NagFindings;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.assertions.Template;

/**
 * The gates for the security stack of every environment: cdk-nag packs of the environment's
 * standards (AwsSolutions always) and the CDK's own validator leave no error and no warning. The
 * template is written to {@code target/security-<env>.template.json} for cfn-guard.
 */
class SecurityGatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod"})
    void securityStackPassesNagAndValidator(String env) throws IOException, InterruptedException {
        // GIVEN the environment's file, built as the app builds it
        EnvironmentConfig config = new ConfigLoader(Path.of("stacks-config")).load(env);
        App app = new App(AppProps.builder().outdir("target/cdk.out-security-" + env)
                .context(Map.of("@aws-cdk/core:validateAgainstDefaultRules", true,
                        "@aws-cdk/core:defaultCrossStackReferences", "strong")).build());
        // Monitoring (the topics) and security as the app wires them; the backup skeleton is empty
        // and would fail the validator's "Resources must not be empty" on its own.
        MonitoringStack monitoring = new MonitoringStack(app, "monitoring",
                MonitoringStackProps.fromConfig(config, StackProps.builder().env(envOf(config)).build()));
        SecurityStack security = new SecurityStack(app, "security", SecurityStackProps.fromConfig(config,
                StackProps.builder().env(envOf(config)).build(), monitoring.alertTopics()));
        for (Stack stack : List.of(monitoring, security)) {
            BaselineTags.apply(stack, BaselineTags.of(config));
            KeyGrantGuard.applyTo(stack);
            CompliancePacks.apply(stack, config.compliance());
        }

        // WHEN synthesized
        app.synth();
        Template template = Template.fromStack(security);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "security-" + env + ".template.json"),
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(template.toJSON()));

        // THEN no unsuppressed finding remains
        assertThat(NagFindings.of(security)).isEmpty();

        // AND every Control Tower guard rule passes but the exempted ones (CfnGuard.EXEMPT says why)
        io.github.opsbaseline.testing.CfnGuard.Result guard = io.github.opsbaseline.testing.CfnGuard.validate(
                Path.of("target", "security-" + env + ".template.json"));
        assertThat(guard.exitCode()).as(guard.tail()).isZero();
    }

    private static Environment envOf(EnvironmentConfig config) {
        return Environment.builder().account(config.account()).region(config.region()).build();
    }
}
