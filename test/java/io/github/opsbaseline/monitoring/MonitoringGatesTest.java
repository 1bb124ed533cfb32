package io.github.opsbaseline.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.config.ComplianceStandard;
import io.github.opsbaseline.config.ConfigLoader;
import io.github.opsbaseline.config.EnvironmentConfig;
import io.github.opsbaseline.testing.NagFindings;
import io.github.opsbaseline.testing.ProjectPaths;
import io.github.opsbaseline.testing.TestApps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.cxapi.CloudAssembly;

/**
 * The monitoring stack alone through every gate: the CDK's strict template validator, every cdk-nag
 * pack (whatever the environment declares), and cfn-guard with all Control Tower rules.
 */
class MonitoringGatesTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "staging", "prod"})
    void theMonitoringStackPassesEveryGate(String environment) throws Exception {
        // GIVEN the environment's monitoring stack with all compliance packs
        EnvironmentConfig config = new ConfigLoader(ProjectPaths.stacksConfig()).load(environment);
        Path out = Files.createTempDirectory("monitoring-gates-" + environment + "-");
        App app = TestApps.app(out);
        long start = System.nanoTime();
        MonitoringStack stack = new MonitoringStack(app, "Monitoring",
                MonitoringStackProps.fromConfig(config, StackProps.builder().stackName(config.names().name("monitoring"))
                        .env(software.amazon.awscdk.Environment.builder().account(config.account())
                                .region(config.region()).build()).build()));
        io.github.opsbaseline.compliance.KeyGrantGuard.applyTo(stack);
        CompliancePacks.apply(stack, List.of(ComplianceStandard.values()));

        // WHEN synthesized
        CloudAssembly assembly = app.synth();
        long millis = (System.nanoTime() - start) / 1_000_000;

        // THEN no nag finding is left
        assertThat(NagFindings.of(stack)).as("cdk-nag findings in %s", environment).isEmpty();

        // AND cfn-guard finds no failure
        Path template = Path.of(assembly.getStackByName(stack.getStackName()).getTemplateFullPath());
        Files.copy(template, Path.of("target", "monitoring-" + environment + ".template.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        io.github.opsbaseline.testing.CfnGuard.Result guard = io.github.opsbaseline.testing.CfnGuard.validateWithoutExemptions(template);
        assertThat(guard.exitCode()).as("cfn-guard on %s:%n%s", environment, guard.tail()).isZero();

        String json = Files.readString(template);
        System.out.printf("monitoring %s: synth %d ms, %d resources, alarms %d, composites %d, anomaly %d,"
                        + " filters %d, queries %d, dashboards %d, widgets %s, canaries %d%n",
                environment, millis, count(json, "\"Type\": \""),
                count(json, "\"Type\": \"AWS::CloudWatch::Alarm\""),
                count(json, "\"Type\": \"AWS::CloudWatch::CompositeAlarm\""),
                count(json, "ANOMALY_DETECTION_BAND"),
                count(json, "\"Type\": \"AWS::Logs::MetricFilter\""),
                count(json, "\"Type\": \"AWS::Logs::QueryDefinition\""),
                count(json, "\"Type\": \"AWS::CloudWatch::Dashboard\""),
                stack.dashboards() == null ? List.of() : stack.dashboards().widgetCounts(),
                count(json, "\"Type\": \"AWS::Synthetics::Canary\""));
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
