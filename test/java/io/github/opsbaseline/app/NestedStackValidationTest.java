package io.github.opsbaseline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.opsbaseline.testing.TestApps;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.NestedStack;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * The CDK's template validator reaches nested stacks only through {@link NestedStackValidation}: an
 * invalid resource two nested stacks deep fails the synth with it and passes without it. The second
 * half pins the CDK's own behaviour; when a CDK release validates nested templates by itself, it
 * fails, and the plugin can go.
 */
class NestedStackValidationTest {

    /** An SNS topic with a property SNS does not have: the validator's schema check refuses it. */
    private static App appWithAnInvalidResourceTwoNestedStacksDeep(Path outdir) {
        App app = TestApps.app(outdir);
        Stack stack = new Stack(app, "Parent", StackProps.builder()
                .env(Environment.builder().account("111122223333").region("eu-west-1").build()).build());
        Construct inner = new NestedStack(new NestedStack(stack, "Outer"), "Inner");
        CfnResource.Builder.create(inner, "Topic").type("AWS::SNS::Topic")
                .properties(Map.of("TopicNameTypo", "alerts")).build();
        return app;
    }

    @Test
    void anInvalidResourceInANestedStackFailsTheSynth(@TempDir Path out) {
        App app = appWithAnInvalidResourceTwoNestedStacksDeep(out);
        NestedStackValidation.addTo(app, null);

        assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
    }

    @Test
    void aFindingInTheLastOfManyTemplatesStillFailsTheSynth(@TempDir Path out) {
        App app = TestApps.app(out);
        Stack stack = new Stack(app, "Parent", StackProps.builder()
                .env(Environment.builder().account("111122223333").region("eu-west-1").build()).build());
        // zero-padded, so the invalid one is the last template listed (each is validated alone)
        int nested = 60;
        for (int i = 0; i < nested; i++) {
            CfnResource.Builder.create(new NestedStack(stack, String.format("Unit%03d", i)), "Topic").type("AWS::SNS::Topic")
                    .properties(Map.of(i == nested - 1 ? "TopicNameTypo" : "TopicName", "t" + i)).build();
        }
        NestedStackValidation.addTo(app, null);

        assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
    }

    @Test
    void withoutItTheCdkDoesNotLookIntoNestedStacks(@TempDir Path out) {
        App app = appWithAnInvalidResourceTwoNestedStacksDeep(out);

        assertThat(app.synth().getStacks()).hasSize(1);
    }

    @Test
    void theCdkSwitchTurnsItOff(@TempDir Path out) {
        App app = appWithAnInvalidResourceTwoNestedStacksDeep(out);
        NestedStackValidation.addTo(app, "false");

        // The CDK's default validator is on in this JVM, but it only sees the valid parent template.
        assertThat(app.synth().getStacks()).hasSize(1);
    }

    @Test
    void everyNestedTemplateIsListedAfterItsStackWithItsPath(@TempDir Path out) throws IOException {
        App app = appWithAnInvalidResourceTwoNestedStacksDeep(out);
        app.synth();
        Path parent = out.resolve("Parent.template.json");

        var listed = TemplateChecks.withNested(java.util.List.of(software.amazon.awscdk.PolicyValidationStack
                .builder().stackConstructPath("Parent").templatePath(parent.toString()).build()));

        assertThat(listed).extracting(s -> s.getStackConstructPath()).containsExactly("Parent",
                "Parent/ParentOuter11980B23", "Parent/ParentOuterInnerA7B74B70");
        assertThat(listed).allSatisfy(s -> assertThat(Files.isRegularFile(Path.of(s.getTemplatePath()))).isTrue());
    }

    @Test
    void anAppGetsItOnceHoweverManyEnvironmentsItHolds(@TempDir Path out) throws IOException {
        App app = appWithAnInvalidResourceTwoNestedStacksDeep(out);
        NestedStackValidation.addTo(app, null);
        // as BaselineStacks does for each environment of `-c env=all`: from a construct inside the app
        NestedStackValidation.addTo(app.getNode().findChild("Parent"), null);

        assertThatThrownBy(app::synth).hasMessageContaining("ValidationFailed");
        // One report of the CDK's plugin, not two: the rule engine ran once per template.
        String report = Files.readString(out.resolve("validation-report.json"));
        assertThat(report.split("\"pluginName\": \"" + NestedStackValidation.PLUGIN_NAME + "\"", -1)).hasSize(2);
    }
}
