package io.github.opsbaseline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.opsbaseline.app.OpsBaselineApp;
import io.github.opsbaseline.compliance.CompliancePacks;
import io.github.opsbaseline.core.TemplateLimits;
import io.github.opsbaseline.testing.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnCondition;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.sns.CfnSubscription;
import software.amazon.awscdk.services.sns.CfnTopic;
import software.constructs.Construct;

/** The JavaScript fixture re-creates a small assembly, one stack and one nested stack, template for template. */
class ReplayFixtureTest {

    @Test
    void theReplayWritesTheSameTemplatesNestedOnesIncluded(@TempDir Path dir) throws Exception {
        Path java = Files.createDirectory(dir.resolve("java"));
        Path js = Files.createDirectory(dir.resolve("js"));
        synthesizeTinyApp(java, false, false);

        // templates do not depend on the validator; the test stays fast
        ProcessMeter.Measurement m = replay(java, js, false);

        assertThat(m.exitCode()).as(m.stderr()).isZero();
        assertThat(TemplateLimits.templates(js)).extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.endsWith(".nested.template.json"))
                .hasSize(2);
        assertThat(TemplateComparison.differences(java, js)).isEmpty();
        assertThat(Files.readString(js.resolve("Tiny.template.json"))).isEqualTo(Files.readString(java.resolve("Tiny.template.json")));
    }

    @Test
    void theTypedReplayBuildsTheL1ClassesAndRunsTheSamePacksWithTheSameFindings(@TempDir Path dir) throws Exception {
        Path java = Files.createDirectory(dir.resolve("java"));
        Path plain = Files.createDirectory(dir.resolve("plain"));
        Path typed = Files.createDirectory(dir.resolve("typed"));
        // GIVEN the tiny app checked by the AWS Solutions pack, whose topics break its SNS rules
        synthesizeTinyApp(java, false, true);

        // WHEN both modes replay it
        ProcessMeter.Measurement p = replay(java, plain, false);
        ProcessMeter.Measurement t = replay(java, typed, false, Map.of(SynthBenchmark.Launch.REPLAY_MODE, "typed",
                SynthBenchmark.Launch.REPLAY_NAG_PACKS, String.join(",", CompliancePacks.names(List.of()))));

        // THEN both write the Java templates; only the typed one has the pack's findings, Java's exactly
        assertThat(p.exitCode()).as(p.stderr()).isZero();
        assertThat(t.exitCode()).as(t.stderr()).isZero();
        assertThat(TemplateComparison.differences(java, typed)).isEmpty();
        assertThat(TemplateComparison.findings(java)).anyMatch(f -> f.startsWith("aws:cdk:error /Tiny/Alerts ")
                && f.contains("AwsSolutions-SNS3"));
        assertThat(TemplateComparison.findingDifferences(java, typed)).isEmpty();
        // the pack counted its rule checks (more than one per resource), the plain replay ran none
        assertThat(SynthBenchmark.ruleChecks(t.stderr())).isGreaterThan(10);
        assertThat(SynthBenchmark.ruleChecks(p.stderr())).isZero();
        assertThat(TemplateComparison.findingDifferences(java, plain)).isNotEmpty()
                .allMatch(f -> f.startsWith("only in Java's findings: aws:cdk:error"));
    }

    @Test
    void theReplayRefusesAModeItDoesNotKnowAndPacksWithoutTheTypedMode(@TempDir Path dir) throws Exception {
        Path java = Files.createDirectory(dir.resolve("java"));
        synthesizeTinyApp(java, false, false);

        ProcessMeter.Measurement unknown = replay(java, Files.createDirectory(dir.resolve("a")), false,
                Map.of(SynthBenchmark.Launch.REPLAY_MODE, "fast"));
        ProcessMeter.Measurement packs = replay(java, Files.createDirectory(dir.resolve("b")), false,
                Map.of(SynthBenchmark.Launch.REPLAY_NAG_PACKS, "AwsSolutionsChecks"));
        ProcessMeter.Measurement noSuchPack = replay(java, Files.createDirectory(dir.resolve("c")), false,
                Map.of(SynthBenchmark.Launch.REPLAY_MODE, "typed", SynthBenchmark.Launch.REPLAY_NAG_PACKS, "SOC2Checks"));

        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.stderr()).contains("REPLAY_MODE is fast; expected plain or typed");
        assertThat(packs.exitCode()).isNotZero();
        assertThat(packs.stderr()).contains("REPLAY_NAG_PACKS is for REPLAY_MODE=typed");
        assertThat(noSuchPack.exitCode()).isNotZero();
        assertThat(noSuchPack.stderr()).contains("REPLAY_NAG_PACKS names SOC2Checks, which cdk-nag does not export");
    }

    @Test
    void withTheValidatorOnTheReplayValidatesNestedTemplatesAsTheJavaAppDoes(@TempDir Path dir) throws Exception {
        Path java = Files.createDirectory(dir.resolve("java"));
        Path js = Files.createDirectory(dir.resolve("js"));
        // The tiny app does not register NestedStackValidation, so the CDK alone lets this through.
        synthesizeTinyApp(java, true, false);

        ProcessMeter.Measurement m = replay(java, js, true);

        assertThat(m.exitCode()).as(m.stderr()).isNotZero();
        assertThat(m.stderr()).contains("TopicNameTypo").contains("Tiny/Monitoring/Group-0/Invalid");
    }

    private static ProcessMeter.Measurement replay(Path java, Path js, boolean validator) throws Exception {
        return replay(java, js, validator, Map.of());
    }

    private static ProcessMeter.Measurement replay(Path java, Path js, boolean validator, Map<String, String> mode)
            throws Exception {
        Map<String, String> env = new TreeMap<>(mode);
        env.put(SynthBenchmark.Launch.REPLAY_ASSEMBLY, java.toString());
        env.put("CDK_OUTDIR", js.toString());
        env.put("CDK_CONTEXT_JSON", "{\"aws:cdk:version-reporting\":false}");
        env.put(SynthBenchmark.Launch.POST_CLI_CONTEXT, new ObjectMapper().writeValueAsString(OpsBaselineApp.strictValidation()));
        if (!validator) {
            env.put("CDK_VALIDATION", "false");
        }
        return ProcessMeter.run(SynthBenchmark.Launch.jsReplay(), env, ProjectPaths.root());
    }

    /**
     * Parameter, condition, DependsOn, export, and a nested stack under a scope with references both
     * ways; with {@code invalid}, the nested stack also holds a topic with a property SNS does not have;
     * with {@code nag}, the AWS Solutions pack checks it (as BaselineStacks applies the packs).
     */
    private static void synthesizeTinyApp(Path outdir, boolean invalid, boolean nag) {
        App app = App.Builder.create().outdir(outdir.toString()).postCliContext(OpsBaselineApp.strictValidation())
                .context(Map.of("aws:cdk:version-reporting", false)).build();
        Stack stack = Stack.Builder.create(app, "Tiny").stackName("tiny-stack").description("a tiny stack")
                .env(Environment.builder().account("111122223333").region("eu-west-1").build()).build();
        CfnParameter threshold = CfnParameter.Builder.create(stack, "Threshold").type("Number").defaultValue(5).build();
        CfnCondition five = CfnCondition.Builder.create(stack, "IsFive")
                .expression(Fn.conditionEquals(threshold.getValueAsString(), "5")).build();
        CfnTopic alerts = CfnTopic.Builder.create(stack, "Alerts").displayName("alerts").build();
        CfnTopic extra = CfnTopic.Builder.create(stack, "Extra").displayName("extra").build();
        extra.addResourceDependency(alerts);
        extra.getCfnOptions().setCondition(five);
        NestedStack group = NestedStack.Builder.create(new Construct(stack, "Monitoring"), "Group-0").build();
        CfnTopic inner = CfnTopic.Builder.create(group, "Inner").displayName("inner").build();
        CfnSubscription.Builder.create(group, "Forward").protocol("sqs").topicArn(alerts.getRef())
                .endpoint("arn:aws:sqs:eu-west-1:111122223333:q").build();
        if (invalid) {
            software.amazon.awscdk.CfnResource.Builder.create(group, "Invalid").type("AWS::SNS::Topic")
                    .properties(Map.of("TopicNameTypo", "alerts")).build();
        }
        CfnOutput.Builder.create(stack, "InnerArn").value(inner.getRef()).exportName("tiny-inner").build();
        if (nag) {
            CompliancePacks.apply(stack, List.of());
        }
        app.synth();
    }
}
